// Redress's Tasklist settings (docs/operations.md, "Languages"): Chinese for browsers set to it,
// English for every other; keyboard shortcuts as Tasklist offers them.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claim the selected task / 认领所选任务'},
    focusFilter: {key: 'ctrl+shift+f', description: 'go to the first filter / 转到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: 'go to the first task of the list / 转到列表中的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: 'go to the first field of the task form / 转到任务表单的第一个字段'},
    startProcess: {key: 'ctrl+alt+p', description: 'start a process / 启动流程'}
  }
};
