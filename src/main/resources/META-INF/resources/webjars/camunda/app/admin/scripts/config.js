/*
 * POS terminal maintenance: the language of this web application follows the browser's first language,
 * Simplified Chinese (zh, the service staff), English or German, English when none of them
 * (locales/zh.json is the project's own translation; WebappLocalesTest keeps it complete).
 */
export default {
  locales: {
    availableLocales: ['zh', 'en', 'de'],
    fallbackLocale: 'en'
  }
};
