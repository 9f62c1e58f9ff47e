// Redress's Cockpit settings (docs/operations.md, "Languages"): Chinese for browsers set to it,
// English for every other, and English for every text not yet translated.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
};
