package com.redress.browser;

/** Camunda's webapps for a browser set to Chinese: in Chinese. */
class ChineseWebappsBrowserTest extends WebappsInOneLanguage {

  static final Texts CHINESE = new Texts("登录", "用户名", "请在列表中选择一个任务。", "启动流程", "运行中的流程实例", "流程");

  @Override
  protected String languages() {
    return "zh-CN,zh";
  }

  @Override
  Texts expected() {
    return CHINESE;
  }

  @Override
  Texts otherLanguage() {
    return EnglishWebappsBrowserTest.ENGLISH;
  }
}
