// Huainan's division codes (data/districts.csv), for the district pickers and to name codes in lists.
import { lang } from './i18n.js';

export const districts = [
  ['340403', '田家庵区', 'Tianjia\'an'], ['340402', '大通区', 'Datong'], ['340404', '谢家集区', 'Xiejiaji'],
  ['340405', '八公山区', 'Bagongshan'], ['340406', '潘集区', 'Panji'], ['340421', '凤台县', 'Fengtai County'],
  ['340422', '寿县', 'Shou County'], ['340407', '毛集实验区', 'Maoji'], ['340401', '经济技术开发区', 'Economic Development Zone'],
  ['340471', '高新技术产业开发区', 'High-tech Zone'],
];

export const districtName = (code) => {
  const found = districts.find(([c]) => c === code);
  return found ? (lang() === 'en' ? found[2] : found[1]) : (code ?? '');
};

export const districtOptions = (blank) => [['', blank], ...districts.map(([code]) => [code, districtName(code)])];
