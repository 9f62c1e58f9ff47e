// Redress's Admin settings (docs/operations.md, "Languages"): Chinese for browsers set to it,
// English for every other.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
};
