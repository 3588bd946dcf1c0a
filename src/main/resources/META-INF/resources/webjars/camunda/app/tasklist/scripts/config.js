/*
 * POS terminal maintenance: the language of Tasklist follows the browser's first language, Simplified
 * Chinese (zh, the service staff), English or German, English when none of them (locales/zh.json is the
 * project's own translation; WebappLocalesTest keeps it complete). The keyboard shortcuts are Tasklist's own.
 * scripts/staff-forms.js shows the forms' validation messages in that language and keeps a refusal in view.
 */
export default {
  customScripts: ['scripts/staff-forms'],
  locales: {
    availableLocales: ['zh', 'en', 'de'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务 (claims the selected task)'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '转到第一个筛选器 (focus the first filter)'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '转到任务列表的第一个任务 (focus the first task)'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '转到任务表单的第一个输入框 (focus the first field of the form)'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框 (open the start process dialog)'
    }
  }
};
