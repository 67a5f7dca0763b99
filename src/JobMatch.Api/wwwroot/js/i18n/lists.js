// Words of the paged lists (lists.js): the count, more, the spreadsheet download, the filter button.
import { words } from '../i18n.js';

export default words({
  zh: {
    'list.none': '没有符合条件的记录。', 'list.shown': '显示 {shown} / 共 {total} 条', 'list.more': '加载更多',
    'list.download': '导出表格（CSV）', 'list.downloading': '正在导出：{rows} / {total} 行…', 'list.downloaded': '已导出 {file}',
    'list.filter': '筛选',
  },
  en: {
    'list.none': 'Nothing matches.', 'list.shown': '{shown} of {total} shown', 'list.more': 'Load more',
    'list.download': 'Download as a spreadsheet (CSV)', 'list.downloading': 'Downloading: {rows} of {total} rows…', 'list.downloaded': 'Saved {file}',
    'list.filter': 'Filter',
  },
});
