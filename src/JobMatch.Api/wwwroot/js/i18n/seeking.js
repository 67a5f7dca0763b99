// Words of the console's seeking screens, both languages side by side.
export default {
  zh: {
  },
  en: {
  },
};
