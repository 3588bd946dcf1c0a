/*
 * POS terminal maintenance: the language of this web application follows the browser's first language,
 * Simplified Chinese (zh, the service staff), English or German, English when none of them
 * (locales/zh.json is the project's own translation; WebappLocalesTest keeps it complete).
 * scripts/read-only-views.js hides the changes people who only watch may not make (styles/user-styles.css).
 */
export default {
  customScripts: ['scripts/read-only-views'],
  locales: {
    availableLocales: ['zh', 'en', 'de'],
    fallbackLocale: 'en'
  }
};
