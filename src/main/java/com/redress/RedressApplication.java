package com.redress;

import com.redress.modelcheck.CheckModelsCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RedressApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(CheckModelsCommand.NAME)) {
      // analysts check models without a database or a running engine
      System.exit(CheckModelsCommand.run(Arrays.asList(args).subList(1, args.length), System.out));
    }
    SpringApplication.run(RedressApplication.class, args);
  }
}
