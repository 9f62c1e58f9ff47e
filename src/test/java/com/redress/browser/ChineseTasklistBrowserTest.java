package com.redress.browser;

/** Tasklist for a browser set to Chinese: Camunda's screens in Chinese. */
class ChineseTasklistBrowserTest extends TasklistInOneLanguage {

  static final Texts CHINESE = new Texts("登录", "用户名", "请在列表中选择一个任务。", "启动流程");

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
    return EnglishTasklistBrowserTest.ENGLISH;
  }
}
