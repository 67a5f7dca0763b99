// Words of the console's records screens, both languages side by side.
export default {
  zh: {
  },
  en: {
  },
};
