import { words } from '../i18n.js';

export default words({
  zh: {
    'notices.settingsTitle': '通知设置',
    'notices.settingsHint': '选择每类事件用哪些方式通知您。未改动过的项目为默认：全部开启。邮件只发往已确认的邮箱。',
    'notices.channel.inbox': '站内通知',
    'notices.channel.email': '电子邮件',
    'notices.kind.invitation.received': '岗位邀请',
    'notices.kind.application.moved': '我的申请有新进展',
    'notices.kind.application.withdrawn': '申请人撤回申请',
    'notices.kind.application.created': '岗位收到新的申请',
    'notices.kind.import.finished': '岗位导入完成',
    'notices.settingsSave': '保存通知设置',
    'notices.settingsSaved': '通知设置已保存。',
  },
  en: {
    'notices.settingsTitle': 'Notification settings',
    'notices.settingsHint': 'Choose how you are told of each kind of event. Anything you never changed is on. Mail goes only to a confirmed address.',
    'notices.channel.inbox': 'In the console',
    'notices.channel.email': 'By e-mail',
    'notices.kind.invitation.received': 'Invitations to apply',
    'notices.kind.application.moved': 'News about my applications',
    'notices.kind.application.withdrawn': 'Applicants withdrawing',
    'notices.kind.application.created': 'New applications to a position',
    'notices.kind.import.finished': 'Position imports finished',
    'notices.settingsSave': 'Save notification settings',
    'notices.settingsSaved': 'Notification settings saved.',
  },
});
