package com.redress.staff;

import com.redress.identity.StaffArea;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff home (what the signed-in user may do, from {@link StaffNavigation}) and the one sign-in page. */
@Controller
class StaffPages {

  @GetMapping(StaffArea.HOME)
  String home(Authentication user, Model model) {
    model.addAttribute("user", user.getName());
    return "staff/home";
  }

  @GetMapping(StaffArea.LOGIN_PAGE)
  String login() {
    return "staff/login";
  }
}
