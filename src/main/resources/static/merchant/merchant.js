/*
 * Merchant page of the POS terminal service: report a fault (#report), follow a ticket
 * (#ticket=<number>&token=<key>) and answer the satisfaction survey (#survey=<number>&token=<key>).
 * Reporting, and seeing all of one's tickets (#ticket), need a merchant who confirmed who they are with a
 * one-time code sent to the contact registered for the merchant ID; the session this opens is kept in
 * sessionStorage (this tab only) until it ends. A ticket opens with that session (#ticket=<number>) or,
 * as always, with the access key of its link.
 * Plain JavaScript, no library; talks to the JSON API under /api/merchant on the same origin.
 * Everything the server sends is put on the page as text (textContent), never as HTML.
 */
(function () {
  'use strict';

  var API = '/api/merchant/tickets';
  var VERIFY_API = '/api/merchant/verifications';
  var SESSION_API = '/api/merchant/session';
  var SESSION_KEY = 'posMerchant.session';
  var ZONE = 'Asia/Shanghai';
  var LANG_KEY = 'posMerchant.lang';
  var REQUEST_TIMEOUT_MS = 30000;
  var STAGES = ['FAULT_REPORT', 'DIAGNOSIS', 'REPAIR', 'SYSTEM_UPGRADE', 'FEEDBACK'];
  var CATEGORIES = ['PRINTER', 'CARD_READER', 'NETWORK', 'DISPLAY_KEYPAD', 'POWER', 'TERMINAL_DOWN',
    'SYSTEM_CRASH', 'HARDWARE_DAMAGE', 'OTHER'];
  var REPORT_FIELDS = ['terminalSerial', 'faultCategory', 'paymentsBlocked', 'description', 'contactPhone'];
  var VERIFY_FIELDS = ['merchantId', 'code'];
  var SURVEY_FIELDS = ['score', 'comment'];
  var LOOKUP_FIELDS = ['ticketNumber', 'token'];

  // The server's own checks (fault report and survey), repeated here so the merchant learns early.
  var RULES = {
    id: /^[A-Za-z0-9-]{3,32}$/,
    serial: /^[A-Za-z0-9-]{6,32}$/,
    phone: /^\+?[0-9 -]{6,20}$/,
    code: /^\d{6}$/,
    ticketNumber: /^SR-\d{8}-\d{4,}$/
  };

  var TEXT = {
    'en': {
      'app.title': 'POS terminal service',
      'app.subtitle': 'Report a fault and follow the repair of your card terminal',
      'lang.label': 'Language',
      'nav.label': 'Pages',
      'nav.report': 'Report a fault',
      'nav.follow': 'Follow a ticket',
      'common.optional': '(optional)',
      'common.requiredLegend': 'Fields marked * are required.',
      'common.loading': 'Loading…',
      'common.pending': 'Not yet determined',
      'common.retry': 'Try again',
      'common.refresh': 'Refresh',
      'common.timezoneNote': 'All times are Beijing time (UTC+8).',
      'common.network': 'The service could not be reached. Check your connection and try again.',
      'common.networkReport': 'The service could not be reached, so we do not know yet whether your report arrived. Press “Send report” again: you will not get a second ticket.',
      'common.server': 'Something went wrong on our side (error {status}). Please try again in a moment.',
      'common.formHasErrors': 'Please correct the marked fields.',

      'report.title': 'Report a fault',
      'report.intro': 'Tell us what is wrong with your terminal. You get a ticket number and a link to follow the repair.',
      'report.merchantId': 'Merchant ID',
      'report.merchantId.hint': 'As on your service contract, e.g. M-100231.',
      'report.terminalSerial': 'Terminal serial number',
      'report.terminalSerial.hint': 'On the label under the terminal, e.g. PAX-A920-88003.',
      'report.faultCategory': 'What is the problem?',
      'report.faultCategory.choose': 'Choose…',
      'report.paymentsBlocked': 'The terminal cannot take payments',
      'report.paymentsBlocked.hint': 'Tick this if you cannot take card payments at all: we then treat your report as urgent.',
      'report.description': 'Description',
      'report.description.hint': 'What happens, since when, and what you already tried (10 to 2000 characters).',
      'report.contactPhone': 'Contact phone',
      'report.contactPhone.hint': 'So that a technician can call you, e.g. +86 21 5555 0101.',
      'report.submit': 'Send report',
      'report.sending': 'Sending…',
      'report.openTicket': 'This terminal already has an open ticket: {ticket}. We are working on it: follow it with the link you received when it was reported, or call our hotline.',
      'report.success.title': 'Thank you, we received your report',
      'report.success.replayed': 'This report had already reached us; here is its ticket again.',
      'report.success.ticket': 'Your ticket number',
      'report.success.keep': 'Keep this link: bookmark it or copy it somewhere safe. It contains your personal access key, which opens this ticket without a code: do not share it. After confirming your merchant ID you also find the ticket under “Follow a ticket”.',
      'report.success.follow': 'Follow your ticket',
      'report.success.copy': 'Copy link',
      'report.success.copied': 'Link copied.',
      'report.success.copyFailed': 'Could not copy: select the link above and copy it yourself.',
      'report.success.another': 'Report another fault',

      'verify.title': 'Confirm that you are the merchant',
      'verify.intro.report': 'Before you report a fault, confirm that you are the merchant: we send a one-time code to the contact registered for your merchant ID.',
      'verify.intro.tickets': 'To see all tickets of your merchant ID, confirm that you are the merchant: we send a one-time code to the contact registered for your merchant ID.',
      'verify.intro.ticket': 'To open ticket {ticket} without its link, confirm that you are the merchant: we send a one-time code to the contact registered for your merchant ID.',
      'verify.ended': 'Your confirmation has ended. Please confirm again with a new code.',
      'verify.ended.report': 'Your confirmation has ended. Please confirm again with a new code; what you typed in the report is kept, and you can send it afterwards.',
      'verify.send': 'Send code',
      'verify.sending': 'Sending…',
      'verify.sent': 'If merchant ID {merchant} is registered with us, we sent a 6-digit code to the contact registered for it. The code is valid until {at}.',
      'verify.resent': 'If merchant ID {merchant} is registered with us, we sent a new 6-digit code to the contact registered for it, valid until {at}. Use the newest code: earlier ones do not work here.',
      'verify.code': 'Code',
      'verify.code.hint': 'The 6 digits in the message we sent.',
      'verify.confirm': 'Confirm',
      'verify.confirming': 'Checking…',
      'verify.resend': 'Send a new code',
      'verify.change': 'Use another merchant ID',
      'verify.wrongCode': 'This code is not right or no longer valid. Check the digits, or send a new code.',
      'verify.tooMany': 'Too many attempts. Please try again in {wait}.',
      'wait.seconds': '{n} seconds',
      'wait.minute': '1 minute',
      'wait.minutes': '{n} minutes',
      'verified.as': 'Verified merchant:',
      'verified.logout': 'Not you? Log out',

      'myTickets.title': 'Your tickets',
      'myTickets.back': '← Your tickets',
      'myTickets.none': 'There are no tickets for your merchant ID yet.',
      'myTickets.terminal': 'Terminal {serial}',
      'myTickets.reported': 'Reported {at}',
      'myTickets.closed': 'Closed {at}',

      'category.PRINTER': 'Printer (paper jam, faint print)',
      'category.CARD_READER': 'Card reader (magnetic stripe, chip, contactless)',
      'category.NETWORK': 'Network / communication settings',
      'category.DISPLAY_KEYPAD': 'Display or keypad',
      'category.POWER': 'Power / battery',
      'category.TERMINAL_DOWN': 'Terminal down',
      'category.SYSTEM_CRASH': 'System crash',
      'category.HARDWARE_DAMAGE': 'Hardware damage',
      'category.OTHER': 'Other',

      'stage.FAULT_REPORT': 'Fault report',
      'stage.DIAGNOSIS': 'Diagnosis',
      'stage.REPAIR': 'Repair',
      'stage.SYSTEM_UPGRADE': 'System upgrade',
      'stage.FEEDBACK': 'Feedback',
      'stage.CLOSED': 'Closed',
      'step.done': 'done',
      'step.current': 'current stage',
      'step.todo': 'to come',

      'severity.NORMAL': 'Normal',
      'severity.URGENT': 'Urgent',
      'severity.MAJOR': 'Major fault',
      'channel.REMOTE': 'Remote support',
      'channel.ON_SITE': 'On-site repair',
      'channel.MAIL_IN': 'Mail-in repair',

      'ticket.title': 'Ticket {ticket}',
      'ticket.status.OPEN': 'Open',
      'ticket.status.CLOSED': 'Closed',
      'ticket.status.CANCELLED': 'Cancelled',
      'ticket.cancelledLine': 'Cancelled on {at}.',
      'ticket.cancelledLine.byMerchant': 'You withdrew this report on {at}.',
      'ticket.cancelledReason': 'Reason: {reason}',
      'ticket.withdraw': 'The terminal works again?',
      'ticket.withdraw.intro': 'If the fault has gone, you can withdraw your report. We stop working on it, and you can report a new fault at any time.',
      'ticket.withdraw.reason': 'What happened (optional)',
      'ticket.withdraw.reason.hint': 'E.g. “Restarted it; it works again.” Up to 500 characters.',
      'ticket.withdraw.button': 'Withdraw my report',
      'ticket.withdraw.confirm': 'Withdraw the report for ticket {ticket}? This cannot be undone.',
      'ticket.withdraw.yes': 'Yes, withdraw it',
      'ticket.withdraw.no': 'Keep my ticket',
      'ticket.withdraw.sending': 'Withdrawing…',
      'ticket.withdraw.repairDone': 'Your terminal is repaired already: the ticket closes after your evaluation.',
      'ticket.withdraw.closed': 'This ticket is closed already.',
      'ticket.withdraw.suspended': 'This ticket is on hold; please call the service hotline.',
      'v.withdrawReasonLong': 'At most 500 characters ({n} now).',
      'ticket.progress': 'Progress',
      'ticket.currentStage': 'Current stage: {stage}',
      'ticket.closedLine': 'Closed: the procedure for this ticket is complete.',
      'ticket.late': 'Your repair is late; new estimated time: {eta}.',
      'ticket.details': 'Details',
      'ticket.merchant': 'Merchant',
      'ticket.terminal': 'Terminal',
      'ticket.fault': 'Fault',
      'ticket.description': 'Description',
      'ticket.reportedAt': 'Reported at',
      'ticket.severity': 'Severity',
      'ticket.channel': 'Repair channel',
      'ticket.responseDue': 'First response by',
      'ticket.responseWithin': 'First response within {hours} hours of your report, by',
      'ticket.responseWithin1': 'First response within 1 hour of your report, by',
      'ticket.provisional': 'provisional: the official holidays of that time are not published yet; the date may move',
      'ticket.pause.MAIL_IN': 'The repair clock stands while your terminal is in the post to the repair centre (since {since}).',
      'ticket.pause.VISIT_POSTPONED': 'The repair clock stands until the new appointment you asked for ({until}).',
      'ticket.pause.MERCHANT_UNREACHABLE': 'The repair clock stands since {since}: we could not reach you. Please call the service hotline.',
      'ticket.changes': 'Changes to your deadlines',
      'ticket.change.DEADLINE_MOVED': '{deadline} moved from {from} to {to}',
      'ticket.change.PAUSE_STARTED': 'Repair clock paused',
      'ticket.change.PAUSE_ENDED': 'Repair clock runs again',
      'deadline.RESPONSE': 'The first-response deadline',
      'deadline.RESPONSE_WARNING': 'The first-response reminder',
      'deadline.RESOLUTION': 'The resolution deadline',
      'deadline.RESOLUTION_EXTENDED': 'The latest resolution date',
      'ticket.resolutionDue': 'Resolution by',
      'ticket.eta': 'New estimated time',
      'ticket.loaner': 'Loaner terminal',
      'ticket.loaner.serial': 'Loaner terminal {serial}',
      'ticket.loaner.lent': 'Lent on {at}',
      'ticket.loaner.notLent': 'Being prepared for you',
      'ticket.loaner.returned': 'Returned on {at}. Thank you.',
      'ticket.loaner.notReturned': 'Not returned yet: please send it back once your own terminal is back.',
      'ticket.bill': 'Bill',
      'ticket.bill.none': 'The bill appears here once the repair is done.',
      'ticket.bill.warranty': 'This repair is covered by the warranty.',
      'ticket.bill.item': 'Item',
      'ticket.bill.kind': 'Type',
      'ticket.bill.quantity': 'Qty',
      'ticket.bill.unitPrice': 'Unit price',
      'ticket.bill.amount': 'Amount',
      'ticket.bill.basis': 'Charged as',
      'ticket.bill.total': 'Total to pay',
      'ticket.bill.caption': 'Itemised bill',
      'kind.PART': 'Part',
      'kind.SERVICE': 'Service',
      'item.PRINTER_HEAD': 'Printer head',
      'item.PRINTER_ROLLER': 'Printer roller',
      'item.CARD_READER_MAG': 'Magstripe reader',
      'item.CARD_READER_IC': 'Chip card reader',
      'item.NFC_MODULE': 'Contactless (NFC) module',
      'item.KEYPAD': 'Keypad',
      'item.DISPLAY': 'Display',
      'item.BATTERY': 'Battery',
      'item.POWER_ADAPTER': 'Power adapter',
      'item.COMMS_MODULE': '4G / Wi-Fi module',
      'item.MAINBOARD': 'Mainboard',
      'item.HOUSING': 'Housing',
      'item.TERMINAL_REPLACEMENT': 'Replacement terminal',
      'item.REMOTE': 'Remote technical support',
      'item.ON_SITE': 'On-site repair visit',
      'item.MAIL_IN': 'Repair centre labour',
      'basis.CHARGED': 'Charged',
      'basis.WARRANTY': 'Covered by warranty',
      'basis.INCLUDED_IN_RENTAL': 'Included in your rental',
      'ticket.notifications': 'Messages we sent you',
      'ticket.notifications.none': 'No messages yet.',
      'notification.TICKET_RECEIVED': 'Report received',
      'notification.LOANER_LENT': 'Loaner terminal sent',
      'notification.LOANER_RETURN_REMINDER': 'Please return the loaner terminal',
      'notification.RESOLUTION_DELAYED': 'Repair delayed',
      'notification.SURVEY_SENT': 'Please rate our service',
      'notification.TICKET_CLOSED': 'Ticket closed',
      'notification.TICKET_CANCELLED': 'Ticket cancelled',
      'notification.PART_ORDERED': 'A part is on order',
      'notification.TERMINAL_REPLACED': 'Replacement terminal sent',
      'notification.VISIT_AGREED': 'On-site appointment agreed',
      'notification.UPGRADE_PLANNED': 'Software upgrade planned',
      'notification.TERMINAL_RETURNED': 'Repaired terminal on its way',
      'notification.other': 'Message',
      'notification.eta': 'New estimated time: {eta}',
      'ticket.survey': 'Your evaluation',
      'ticket.survey.NOT_YET': 'Once your terminal is repaired we will ask you to rate our service.',
      'ticket.survey.OPEN': 'Please tell us how we did.',
      'ticket.survey.OPEN.until': 'Please tell us how we did. You can answer until {at}.',
      'ticket.survey.link': 'Rate our service',
      'ticket.survey.ANSWERED': 'Thank you for your evaluation: {score} out of 5.',
      'ticket.survey.ANSWERED.noScore': 'Thank you for your evaluation.',
      'ticket.survey.comment': 'Your comment: “{comment}”',
      'ticket.survey.EXPIRED': 'The survey closed without an answer.',
      'ticket.notFound': 'Ticket not found or link invalid.',
      'ticket.notFound.hint': 'Check the ticket number and the access key, or use the link you received when you reported the fault.',
      'ticket.notFound.session': 'This ticket is not one of the tickets of your merchant ID. Open it with the link you received, or with its number and access key.',
      'ticket.updatedAt': 'Shown as of {at}.',

      'lookup.pageTitle': 'Follow a ticket',
      'lookup.title': 'Open a ticket with its number and access key',
      'lookup.intro': 'Confirm your merchant ID to see all your tickets, or open one ticket with the link you received when you reported the fault (or with its number and access key below).',
      'lookup.intro.verified': 'Your tickets, newest first. Open one to see its progress.',
      'lookup.ticketNumber': 'Ticket number',
      'lookup.ticketNumber.hint': 'E.g. SR-20261125-0001. You can also paste your whole link here.',
      'lookup.token': 'Access key',
      'lookup.token.hint': 'The part of your link after “token=”.',
      'lookup.open': 'Open ticket',

      'survey.title': 'Rate our service',
      'survey.forTicket': 'Ticket {ticket}: how did we do? Your answer goes straight to our service team.',
      'survey.score': 'How satisfied are you with our service?',
      'survey.score.1': 'Very dissatisfied',
      'survey.score.2': 'Dissatisfied',
      'survey.score.3': 'Neutral',
      'survey.score.4': 'Satisfied',
      'survey.score.5': 'Very satisfied',
      'survey.scoreMeaning': '{score} of 5: {meaning}',
      'survey.comment': 'Comment',
      'survey.comment.hint': 'What went well, what could we do better? Up to 1000 characters.',
      'survey.submit': 'Send evaluation',
      'survey.sending': 'Sending…',
      'survey.back': 'Back to your ticket',
      'survey.closed': 'This survey is closed or already answered.',
      'survey.notYet': 'The survey is not open yet: we will ask you once your terminal is repaired.',
      'survey.thanks': 'Thank you for your evaluation!',
      'survey.thanks.detail': 'Your feedback helps us improve our service.',

      'v.required': 'Please fill in this field.',
      'v.chooseCategory': 'Please choose the kind of problem.',
      'v.merchantId': 'A merchant ID has 3 to 32 letters, digits or hyphens.',
      'v.terminalSerial': 'A serial number has 6 to 32 letters, digits or hyphens.',
      'v.descriptionShort': 'Please write at least 10 characters (now {n}).',
      'v.descriptionLong': 'Please write at most 2000 characters (now {n}).',
      'v.phone': 'A phone number has 6 to 20 digits, spaces or hyphens, and may start with +.',
      'v.score': 'Please choose a score from 1 to 5.',
      'v.commentLong': 'Please write at most 1000 characters (now {n}).',
      'v.ticketNumber': 'A ticket number looks like SR-20261125-0001.',
      'v.code': 'The code has 6 digits.',
      'v.server': 'Not accepted: {message}',
      'counter': '{n} / {max}'
    },

    'zh-CN': {
      'app.title': 'POS 终端售后服务',
      'app.subtitle': '申报刷卡终端故障，随时查看维修进度',
      'lang.label': '语言',
      'nav.label': '页面',
      'nav.report': '故障申报',
      'nav.follow': '查询工单',
      'common.optional': '（选填）',
      'common.requiredLegend': '带 * 的为必填项。',
      'common.loading': '正在加载…',
      'common.pending': '待确定',
      'common.retry': '重试',
      'common.refresh': '刷新',
      'common.timezoneNote': '所有时间均为北京时间（UTC+8）。',
      'common.network': '无法连接到服务，请检查网络后重试。',
      'common.networkReport': '无法连接到服务，暂时无法确认申报是否已送达。请再次点击“提交申报”，不会产生重复工单。',
      'common.server': '服务暂时出现问题（错误 {status}），请稍后重试。',
      'common.formHasErrors': '请更正标出的内容。',

      'report.title': '故障申报',
      'report.intro': '请告诉我们终端出现了什么问题。提交后您将获得工单号和一个查看维修进度的链接。',
      'report.merchantId': '商户编号',
      'report.merchantId.hint': '见服务合同，例如 M-100231。',
      'report.terminalSerial': '终端序列号',
      'report.terminalSerial.hint': '见终端底部标签，例如 PAX-A920-88003。',
      'report.faultCategory': '故障类型',
      'report.faultCategory.choose': '请选择…',
      'report.paymentsBlocked': '终端无法收款',
      'report.paymentsBlocked.hint': '如果完全无法刷卡收款，请勾选，我们将按紧急情况处理。',
      'report.description': '故障描述',
      'report.description.hint': '请描述故障现象、开始时间以及已尝试的处理方法（10 至 2000 个字符）。',
      'report.contactPhone': '联系电话',
      'report.contactPhone.hint': '方便技术人员与您联系，例如 +86 21 5555 0101。',
      'report.submit': '提交申报',
      'report.sending': '正在提交…',
      'report.openTicket': '该终端已有未关闭的工单：{ticket}。我们正在处理，请通过申报时收到的链接查看进度，或致电客服热线。',
      'report.success.title': '已收到您的故障申报',
      'report.success.replayed': '此申报此前已送达，以下是该工单的信息。',
      'report.success.ticket': '您的工单号',
      'report.success.keep': '请保存此链接（加入书签或复制到安全的地方）。链接中包含您的专属访问密钥，无需验证码即可查看该工单，请勿分享给他人。验证商户身份后，您也可以在“查询工单”中找到该工单。',
      'report.success.follow': '查看工单进度',
      'report.success.copy': '复制链接',
      'report.success.copied': '链接已复制。',
      'report.success.copyFailed': '无法自动复制，请选中上方链接手动复制。',
      'report.success.another': '申报其他故障',

      'verify.title': '验证商户身份',
      'verify.intro.report': '申报故障前，请先验证商户身份：我们会向您的商户编号所登记的联系方式发送一次性验证码。',
      'verify.intro.tickets': '如需查看商户名下的全部工单，请先验证商户身份：我们会向您的商户编号所登记的联系方式发送一次性验证码。',
      'verify.intro.ticket': '如需在没有链接的情况下查看工单 {ticket}，请先验证商户身份：我们会向您的商户编号所登记的联系方式发送一次性验证码。',
      'verify.ended': '身份验证已失效，请获取新的验证码重新验证。',
      'verify.ended.report': '身份验证已失效。请获取新的验证码重新验证；已填写的申报内容会保留，验证后即可提交。',
      'verify.send': '发送验证码',
      'verify.sending': '正在发送…',
      'verify.sent': '如果商户编号 {merchant} 已在我们这里登记，验证码（6 位数字）已发送至其登记的联系方式，有效期至 {at}。',
      'verify.resent': '如果商户编号 {merchant} 已在我们这里登记，新的验证码（6 位数字）已发送至其登记的联系方式，有效期至 {at}。请使用最新的验证码，之前的验证码在此无效。',
      'verify.code': '验证码',
      'verify.code.hint': '请输入收到的 6 位数字验证码。',
      'verify.confirm': '确认',
      'verify.confirming': '正在验证…',
      'verify.resend': '重新发送验证码',
      'verify.change': '更换商户编号',
      'verify.wrongCode': '验证码不正确或已失效，请核对后重新输入，或重新获取验证码。',
      'verify.tooMany': '尝试次数过多，请在 {wait}后重试。',
      'wait.seconds': '{n} 秒',
      'wait.minute': '1 分钟',
      'wait.minutes': '{n} 分钟',
      'verified.as': '已验证商户：',
      'verified.logout': '不是您本人？退出',

      'myTickets.title': '我的工单',
      'myTickets.back': '← 返回我的工单',
      'myTickets.none': '您的商户编号名下暂无工单。',
      'myTickets.terminal': '终端 {serial}',
      'myTickets.reported': '申报时间：{at}',
      'myTickets.closed': '关闭时间：{at}',

      'category.PRINTER': '打印机（卡纸、打印不清）',
      'category.CARD_READER': '读卡器（磁条、芯片、非接）',
      'category.NETWORK': '网络或通讯设置',
      'category.DISPLAY_KEYPAD': '屏幕或键盘',
      'category.POWER': '电源或电池',
      'category.TERMINAL_DOWN': '终端无法使用',
      'category.SYSTEM_CRASH': '系统崩溃',
      'category.HARDWARE_DAMAGE': '硬件损坏',
      'category.OTHER': '其他',

      'stage.FAULT_REPORT': '故障申报',
      'stage.DIAGNOSIS': '故障诊断',
      'stage.REPAIR': '维修处理',
      'stage.SYSTEM_UPGRADE': '系统升级',
      'stage.FEEDBACK': '反馈与评估',
      'stage.CLOSED': '已关闭',
      'step.done': '已完成',
      'step.current': '当前阶段',
      'step.todo': '未开始',

      'severity.NORMAL': '一般故障',
      'severity.URGENT': '紧急',
      'severity.MAJOR': '重大故障',
      'channel.REMOTE': '远程技术支持',
      'channel.ON_SITE': '上门维修',
      'channel.MAIL_IN': '寄修',

      'ticket.title': '工单 {ticket}',
      'ticket.status.OPEN': '处理中',
      'ticket.status.CLOSED': '已关闭',
      'ticket.status.CANCELLED': '已取消',
      'ticket.cancelledLine': '已于 {at} 取消。',
      'ticket.cancelledLine.byMerchant': '您已于 {at} 撤回本次申报。',
      'ticket.cancelledReason': '原因：{reason}',
      'ticket.withdraw': '终端已恢复正常？',
      'ticket.withdraw.intro': '如果故障已经消失，您可以撤回申报。我们将停止处理本工单，您随时可以再次申报故障。',
      'ticket.withdraw.reason': '情况说明（选填）',
      'ticket.withdraw.reason.hint': '例如：“重启后已恢复正常。”最多 500 个字符。',
      'ticket.withdraw.button': '撤回申报',
      'ticket.withdraw.confirm': '确定撤回工单 {ticket} 的申报吗？撤回后无法恢复。',
      'ticket.withdraw.yes': '确定撤回',
      'ticket.withdraw.no': '保留工单',
      'ticket.withdraw.sending': '正在撤回…',
      'ticket.withdraw.repairDone': '您的终端已经修复，工单将在您评价后关闭。',
      'ticket.withdraw.closed': '本工单已关闭。',
      'ticket.withdraw.suspended': '本工单已暂停处理，请致电服务热线。',
      'v.withdrawReasonLong': '最多 500 个字符（当前 {n} 个）。',
      'ticket.progress': '处理进度',
      'ticket.currentStage': '当前阶段：{stage}',
      'ticket.closedLine': '已关闭：该工单的全部流程已完成。',
      'ticket.late': '您的维修已延误，新的预计完成时间：{eta}。',
      'ticket.details': '工单信息',
      'ticket.merchant': '商户',
      'ticket.terminal': '终端',
      'ticket.fault': '故障类型',
      'ticket.description': '故障描述',
      'ticket.reportedAt': '申报时间',
      'ticket.severity': '故障等级',
      'ticket.channel': '维修方式',
      'ticket.responseDue': '首次响应期限',
      'ticket.responseWithin': '报修后 {hours} 小时内首次响应，期限',
      'ticket.responseWithin1': '报修后 1 小时内首次响应，期限',
      'ticket.provisional': '暂定：该时段的法定节假日安排尚未公布，日期可能调整',
      'ticket.pause.MAIL_IN': '终端寄往维修中心途中，维修计时暂停（自 {since} 起）。',
      'ticket.pause.VISIT_POSTPONED': '应您的要求改约上门时间，维修计时暂停至新的预约时间（{until}）。',
      'ticket.pause.MERCHANT_UNREACHABLE': '自 {since} 起无法联系到您，维修计时暂停。请致电客服热线。',
      'ticket.changes': '期限调整记录',
      'ticket.change.DEADLINE_MOVED': '{deadline}由 {from} 调整为 {to}',
      'ticket.change.PAUSE_STARTED': '维修计时暂停',
      'ticket.change.PAUSE_ENDED': '维修计时恢复',
      'deadline.RESPONSE': '首次响应期限',
      'deadline.RESPONSE_WARNING': '首次响应提醒时间',
      'deadline.RESOLUTION': '解决期限',
      'deadline.RESOLUTION_EXTENDED': '最迟解决时间',
      'ticket.resolutionDue': '解决期限',
      'ticket.eta': '新的预计完成时间',
      'ticket.loaner': '备用机',
      'ticket.loaner.serial': '备用机 {serial}',
      'ticket.loaner.lent': '借出时间：{at}',
      'ticket.loaner.notLent': '正在为您准备',
      'ticket.loaner.returned': '已于 {at} 归还，谢谢。',
      'ticket.loaner.notReturned': '尚未归还：收到修好的终端后，请寄回备用机。',
      'ticket.bill': '费用明细',
      'ticket.bill.none': '维修完成后将在此显示费用明细。',
      'ticket.bill.warranty': '本次维修在保修范围内。',
      'ticket.bill.item': '项目',
      'ticket.bill.kind': '类别',
      'ticket.bill.quantity': '数量',
      'ticket.bill.unitPrice': '单价',
      'ticket.bill.amount': '金额',
      'ticket.bill.basis': '计费方式',
      'ticket.bill.total': '应付合计',
      'ticket.bill.caption': '费用明细',
      'kind.PART': '配件',
      'kind.SERVICE': '服务',
      'item.PRINTER_HEAD': '打印头',
      'item.PRINTER_ROLLER': '打印胶辊',
      'item.CARD_READER_MAG': '磁条读卡器',
      'item.CARD_READER_IC': '芯片读卡器',
      'item.NFC_MODULE': '非接触（NFC）模块',
      'item.KEYPAD': '键盘',
      'item.DISPLAY': '显示屏',
      'item.BATTERY': '电池',
      'item.POWER_ADAPTER': '电源适配器',
      'item.COMMS_MODULE': '4G / Wi-Fi 模块',
      'item.MAINBOARD': '主板',
      'item.HOUSING': '外壳',
      'item.TERMINAL_REPLACEMENT': '替换终端',
      'item.REMOTE': '远程技术支持',
      'item.ON_SITE': '上门维修',
      'item.MAIL_IN': '维修中心工时',
      'basis.CHARGED': '收费',
      'basis.WARRANTY': '保修免费',
      'basis.INCLUDED_IN_RENTAL': '已含在租赁费中',
      'ticket.notifications': '通知记录',
      'ticket.notifications.none': '暂无通知。',
      'notification.TICKET_RECEIVED': '已受理申报',
      'notification.LOANER_LENT': '备用机已寄出',
      'notification.LOANER_RETURN_REMINDER': '请归还备用机',
      'notification.RESOLUTION_DELAYED': '维修延误',
      'notification.SURVEY_SENT': '邀请您评价服务',
      'notification.TICKET_CLOSED': '工单已关闭',
      'notification.TICKET_CANCELLED': '工单已取消',
      'notification.PART_ORDERED': '配件已订购',
      'notification.TERMINAL_REPLACED': '替换终端已寄出',
      'notification.VISIT_AGREED': '上门维修时间已约定',
      'notification.UPGRADE_PLANNED': '软件升级已安排',
      'notification.TERMINAL_RETURNED': '修好的终端已寄出',
      'notification.other': '通知',
      'notification.eta': '新的预计完成时间：{eta}',
      'ticket.survey': '服务评价',
      'ticket.survey.NOT_YET': '终端修复后，我们会邀请您评价本次服务。',
      'ticket.survey.OPEN': '请对本次服务进行评价。',
      'ticket.survey.OPEN.until': '请对本次服务进行评价，截止时间：{at}。',
      'ticket.survey.link': '评价服务',
      'ticket.survey.ANSWERED': '感谢您的评价：{score} 分（满分 5 分）。',
      'ticket.survey.ANSWERED.noScore': '感谢您的评价。',
      'ticket.survey.comment': '您的意见：“{comment}”',
      'ticket.survey.EXPIRED': '评价已截止，未收到您的评价。',
      'ticket.notFound': '未找到工单，或链接无效。',
      'ticket.notFound.hint': '请核对工单号和访问密钥，或使用申报故障时收到的链接。',
      'ticket.notFound.session': '该工单不属于您的商户编号。请使用收到的链接，或用工单号和访问密钥查询。',
      'ticket.updatedAt': '信息更新于 {at}。',

      'lookup.pageTitle': '查询工单',
      'lookup.title': '用工单号和访问密钥查询',
      'lookup.intro': '验证商户身份后可查看您的全部工单；也可以使用申报故障时收到的链接（或在下方输入工单号和访问密钥）查看单个工单。',
      'lookup.intro.verified': '以下是您的工单，最新的排在最前。点击工单号即可查看处理进度。',
      'lookup.ticketNumber': '工单号',
      'lookup.ticketNumber.hint': '例如 SR-20261125-0001。也可以将完整链接粘贴到此处。',
      'lookup.token': '访问密钥',
      'lookup.token.hint': '即链接中 “token=” 之后的部分。',
      'lookup.open': '查询工单',

      'survey.title': '服务评价',
      'survey.forTicket': '工单 {ticket}：您对我们的服务满意吗？您的评价将直接转给服务团队。',
      'survey.score': '您对本次服务的满意程度',
      'survey.score.1': '非常不满意',
      'survey.score.2': '不满意',
      'survey.score.3': '一般',
      'survey.score.4': '满意',
      'survey.score.5': '非常满意',
      'survey.scoreMeaning': '{score} 分：{meaning}',
      'survey.comment': '意见或建议',
      'survey.comment.hint': '哪些地方做得好，哪些需要改进？最多 1000 个字符。',
      'survey.submit': '提交评价',
      'survey.sending': '正在提交…',
      'survey.back': '返回工单',
      'survey.closed': '该评价已关闭或已提交。',
      'survey.notYet': '评价尚未开放：终端修复后我们会邀请您评价。',
      'survey.thanks': '感谢您的评价！',
      'survey.thanks.detail': '您的反馈将帮助我们改进服务。',

      'v.required': '请填写此项。',
      'v.chooseCategory': '请选择故障类型。',
      'v.merchantId': '商户编号应为 3 至 32 位字母、数字或连字符。',
      'v.terminalSerial': '序列号应为 6 至 32 位字母、数字或连字符。',
      'v.descriptionShort': '请至少填写 10 个字符（当前 {n} 个）。',
      'v.descriptionLong': '最多 2000 个字符（当前 {n} 个）。',
      'v.phone': '电话号码应为 6 至 20 位数字、空格或连字符，可以 + 开头。',
      'v.score': '请选择 1 至 5 分。',
      'v.commentLong': '最多 1000 个字符（当前 {n} 个）。',
      'v.ticketNumber': '工单号格式如 SR-20261125-0001。',
      'v.code': '验证码为 6 位数字。',
      'v.server': '未被接受：{message}',
      'counter': '{n} / {max}'
    }
  };

  // ---------------------------------------------------------------- language

  var lang = initialLanguage();

  function initialLanguage() {
    try {
      var saved = window.localStorage.getItem(LANG_KEY);
      if (saved && TEXT[saved]) {
        return saved;
      }
    } catch (e) { /* storage may be blocked */ }
    return /^zh/i.test(navigator.language || '') ? 'zh-CN' : 'en';
  }

  function setLanguage(next) {
    if (!TEXT[next] || next === lang) {
      return;
    }
    lang = next;
    try {
      window.localStorage.setItem(LANG_KEY, next);
    } catch (e) { /* storage may be blocked */ }
    applyLanguage();
  }

  function t(key, params) {
    var text = TEXT[lang][key];
    if (text === undefined) {
      text = TEXT.en[key];
    }
    if (text === undefined) {
      return key;
    }
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return params && params[name] !== undefined && params[name] !== null ? String(params[name]) : all;
    });
  }

  /** Translates the static page, then draws the current view again in the new language. */
  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('app.title');
    each('[data-i18n]', function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    each('[data-i18n-attr]', function (el) {
      el.getAttribute('data-i18n-attr').split(';').forEach(function (pair) {
        var parts = pair.split(':');
        el.setAttribute(parts[0].trim(), t(parts[1].trim()));
      });
    });
    each('.lang-button', function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === lang));
    });
    fillCategories();
    renderAllErrors();
    updateCounters();
    updateStars();
    setBusyLabel('report-submit', state.reportBusy, 'report.submit', 'report.sending');
    setBusyLabel('survey-submit', state.surveyBusy, 'survey.submit', 'survey.sending');
    renderFormStatus('report-status', state.reportStatus);
    renderFormStatus('survey-status', state.surveyStatus);
    if (state.reportResult) {
      renderReportResult();
    }
    renderVerifiedMerchant();
    renderVerify();
    renderTicketView();
    renderMyTickets();
    renderSurveyView();
  }

  // ---------------------------------------------------------------- formatting

  var dateFormats = {};

  function formatInstant(iso) {
    if (!iso) {
      return null;
    }
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return String(iso);
    }
    if (!dateFormats[lang]) {
      dateFormats[lang] = new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
        timeZone: ZONE, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
      });
    }
    return dateFormats[lang].format(date);
  }

  function formatMoney(amount, currency) {
    var value = Number(amount);
    if (amount === null || amount === undefined || amount === '' || isNaN(value)) {
      return amount === null || amount === undefined ? '' : String(amount);
    }
    try {
      return new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
        style: 'currency', currency: currency || 'CNY', minimumFractionDigits: 2, maximumFractionDigits: 2
      }).format(value);
    } catch (e) {
      return value.toFixed(2) + ' ' + (currency || '');
    }
  }

  function label(prefix, code) {
    if (code === null || code === undefined) {
      return null;
    }
    var key = prefix + '.' + code;
    return TEXT.en[key] !== undefined ? t(key) : String(code);
  }

  // ---------------------------------------------------------------- DOM helpers

  function $(id) {
    return document.getElementById(id);
  }

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  /** Builds an element; children are nodes or strings (put in as text). */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (name === 'text') {
          el.textContent = value;
        } else if (name === 'className') {
          el.className = value;
        } else if (name === 'onclick') {
          el.addEventListener('click', value);
        } else {
          el.setAttribute(name, value === true ? '' : String(value));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(el, arguments[i]);
    }
    return el;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(parent, c); });
    } else if (typeof child === 'string' || typeof child === 'number') {
      parent.appendChild(document.createTextNode(String(child)));
    } else {
      parent.appendChild(child);
    }
  }

  function replaceChildren(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
    for (var i = 1; i < arguments.length; i++) {
      append(el, arguments[i]);
    }
  }

  function setBusyLabel(id, busy, idleKey, busyKey) {
    var button = $(id);
    button.textContent = t(busy ? busyKey : idleKey);
    button.disabled = !!busy;
    button.setAttribute('aria-busy', String(!!busy));
  }

  // ---------------------------------------------------------------- state

  var state = {
    route: null,            // {view, ticketNumber, token}
    errors: {},             // field name -> {key, params}
    reportKey: null,        // Idempotency-Key of the current form fill
    lastReport: null,       // {body, definitive}: the last submission sent and whether its answer is known
    reportBusy: false,
    reportStatus: null,     // {key, params}
    reportResult: null,     // {ticketNumber, statusUrl, replayed}
    ticket: null,           // {ticketNumber, token, loading, data, error, loadedAt}; token '' = opened with the session
    survey: null,           // {ticketNumber, token, loading, data, error, done, closed}
    surveyBusy: false,
    surveyStatus: null,
    verify: newVerification(), // the verification form: see newVerification
    myTickets: null         // {loading, tickets, error}: the verified merchant's tickets
  };

  // ---------------------------------------------------------------- API

  function NetworkError(cause) {
    this.name = 'NetworkError';
    this.cause = cause;
  }

  /**
   * Calls the API; resolves with {status, data, retryAfter} for any HTTP answer, rejects with NetworkError without one.
   * options: body, idempotencyKey, token (a ticket's access key), session (true: send the merchant session, if any).
   */
  function api(method, path, options) {
    options = options || {};
    // the server answers refusals in the page's language
    var headers = { 'Accept': 'application/json', 'Accept-Language': lang };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (options.token) {
      headers['X-Ticket-Token'] = options.token;
    }
    var session = options.session ? currentSession() : null;
    if (session) {
      headers['X-Merchant-Session'] = session.token;
    }
    if (options.idempotencyKey) {
      headers['Idempotency-Key'] = options.idempotencyKey;
    }
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS) : null;
    return fetch(path, {
      method: method,
      headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        if (text) {
          try {
            data = JSON.parse(text);
          } catch (e) {
            data = null;
          }
        }
        var wait = Number(response.headers.get('Retry-After'));
        return { status: response.status, data: data, retryAfter: isNaN(wait) || wait <= 0 ? null : wait };
      });
    }, function (error) {
      throw new NetworkError(error);
    }).finally(function () {
      if (timer) {
        clearTimeout(timer);
      }
    });
  }

  function ticketPath(ticketNumber) {
    return API + '/' + encodeURIComponent(ticketNumber);
  }

  /** How to open a ticket: with its access key, or without one with the merchant session. */
  function ticketAccess(token, options) {
    var access = options || {};
    access.token = token || null;
    access.session = !token;
    return access;
  }

  function newIdempotencyKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    // crypto.randomUUID needs a secure context (https or localhost); getRandomValues does not.
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  /** The server's reason, shown next to its field (the server's message repeats the field's name before it). */
  function serverDetail(data) {
    if (data && typeof data.detail === 'string' && data.detail) {
      return data.detail;
    }
    return data && typeof data.message === 'string' ? data.message : '';
  }

  /** The address of a ticket or its survey: with the access key, or without one (opened with the merchant session). */
  function ticketHash(view, ticketNumber, token) {
    return '#' + view + '=' + encodeURIComponent(ticketNumber) + (token ? '&token=' + encodeURIComponent(token) : '');
  }

  // ---------------------------------------------------------------- merchant session

  var sessionTimer = null;

  /**
   * The merchant session (from a one-time code) of this tab: {token, merchantId, merchantName, expiresAt, endsAt},
   * or null. Kept in sessionStorage, so it ends with the tab at the latest; dropped once it has expired.
   */
  function currentSession() {
    var session = null;
    try {
      session = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) || 'null');
    } catch (e) {
      session = null;
    }
    if (!session || typeof session.token !== 'string' || !session.token) {
      return null;
    }
    if (session.endsAt && Date.now() >= session.endsAt) {
      dropSession();
      return null;
    }
    return session;
  }

  function saveSession(data) {
    // The server's expiresAt is on the server's clock. A session cannot have ended as it arrives: if this
    // device's clock says so, the two clocks disagree, and only the server can tell when it ends (it answers 401).
    var expires = Date.parse(data.expiresAt);
    var session = {
      token: data.sessionToken,
      merchantId: data.merchantId,
      merchantName: data.merchantName,
      expiresAt: data.expiresAt,
      endsAt: !isNaN(expires) && expires > Date.now() ? expires : null
    };
    try {
      window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch (e) { /* storage blocked: the session lasts as long as this page */ }
    watchSessionEnd(session);
    return session;
  }

  function dropSession() {
    try {
      window.sessionStorage.removeItem(SESSION_KEY);
    } catch (e) { /* storage may be blocked */ }
    if (sessionTimer) {
      clearTimeout(sessionTimer);
      sessionTimer = null;
    }
  }

  /** Asks for a new code once the session ends while the page is open. */
  function watchSessionEnd(session) {
    if (sessionTimer) {
      clearTimeout(sessionTimer);
      sessionTimer = null;
    }
    var left = session && session.endsAt ? session.endsAt - Date.now() : null;
    if (left !== null && left < 0x7fffffff) {
      sessionTimer = setTimeout(function () { sessionEnded(); }, Math.max(0, left));
    }
  }

  /**
   * The session ended (expired, or the server no longer knows it): forget it and show the verification where it
   * is needed. Nothing typed is lost: the report form is only hidden.
   */
  function sessionEnded() {
    var session = currentSession();
    dropSession();
    state.verify = newVerification();
    state.verify.ended = true;
    state.myTickets = null;
    if (session) {
      state.verify.merchantId = session.merchantId;
      $('f-merchantId').value = session.merchantId;
    }
    route(false);
  }

  function renderVerifiedMerchant() {
    var session = currentSession();
    $('verified-merchant').hidden = !session;
    $('verified-merchant-name').textContent = session ? session.merchantName || '' : '';
    $('verified-merchant-id').textContent = session ? '(' + session.merchantId + ')' : '';
  }

  /** "Not you? Log out": ends the session on the server and here, and clears what was typed for this merchant. */
  function logout() {
    var session = currentSession();
    if (session) {
      // best effort: this tab forgets the session whatever the answer; unended, it expires on the server
      api('DELETE', SESSION_API, { session: true }).catch(function () { /* offline: it expires */ });
    }
    dropSession();
    state.verify = newVerification();
    state.myTickets = null;
    state.reportKey = null;
    state.lastReport = null;
    $('report-form').reset();
    clearErrors(REPORT_FIELDS.concat(VERIFY_FIELDS));
    setReportStatus(null);
    updateCounters();
    $('f-merchantId').value = '';
    $('f-code').value = '';
    route(false);
    $('f-merchantId').focus();
  }

  // ---------------------------------------------------------------- field errors

  function setError(field, key, params) {
    state.errors[field] = { key: key, params: params || {} };
    renderError(field);
  }

  function clearErrors(fields) {
    fields.forEach(function (field) {
      delete state.errors[field];
      renderError(field);
    });
  }

  function renderError(field) {
    var box = $('err-' + field);
    if (!box) {
      return;
    }
    var error = state.errors[field];
    box.textContent = error ? t(error.key, error.params) : '';
    var control = field === 'score' ? $('score-group') : $('f-' + field);
    if (control) {
      if (error) {
        control.setAttribute('aria-invalid', 'true');
      } else {
        control.removeAttribute('aria-invalid');
      }
    }
  }

  function renderAllErrors() {
    REPORT_FIELDS.concat(SURVEY_FIELDS, LOOKUP_FIELDS, VERIFY_FIELDS).forEach(renderError);
  }

  function focusFirstError(fields) {
    for (var i = 0; i < fields.length; i++) {
      if (state.errors[fields[i]]) {
        var control = fields[i] === 'score'
          ? (document.querySelector('input[name="score"]:checked') || $('f-score-1'))
          : $('f-' + fields[i]);
        if (control) {
          control.focus();
        }
        return;
      }
    }
  }

  function renderFormStatus(id, status) {
    var box = $(id);
    box.textContent = status ? t(status.key, status.params) : '';
  }

  function setReportStatus(key, params) {
    state.reportStatus = key ? { key: key, params: params } : null;
    renderFormStatus('report-status', state.reportStatus);
  }

  function setSurveyStatus(key, params) {
    state.surveyStatus = key ? { key: key, params: params } : null;
    renderFormStatus('survey-status', state.surveyStatus);
  }

  function updateCounters() {
    [['description', 2000], ['comment', 1000]].forEach(function (pair) {
      var field = $('f-' + pair[0]);
      $('count-' + pair[0]).textContent = t('counter', { n: field.value.trim().length, max: pair[1] });
    });
  }

  // ---------------------------------------------------------------- verification (one-time code)

  /**
   * The verification form's state. step: 'merchant' (type the merchant ID, send a code) or 'code' (type the code
   * sent, confirm); the verification the code belongs to and until when the code is valid; busy: 'send' or
   * 'confirm' while a request is on its way; error: a form-level message (too many tries, no connection);
   * blockedUntil: the server asked to wait until then; ended: a session ended, so the merchant confirms again;
   * purpose: why the form is shown ('report', 'tickets' or 'ticket' with ticketNumber).
   */
  function newVerification() {
    return { step: 'merchant', merchantId: '', verificationId: null, codeExpiresAt: null, resent: false,
      busy: null, error: null, blockedUntil: 0, ended: false, purpose: 'report', ticketNumber: null };
  }

  /** Puts the one verification form into a view's slot and shows it there. */
  function showVerification(slotId, purpose, ticketNumber) {
    var form = $('verify-form');
    var slot = $(slotId);
    if (form.parentNode !== slot) {
      slot.appendChild(form);
    }
    state.verify.purpose = purpose;
    state.verify.ticketNumber = ticketNumber || null;
    form.hidden = false;
    renderVerify();
  }

  function hideVerification() {
    $('verify-form').hidden = true;
  }

  function renderVerify() {
    var v = state.verify;
    var form = $('verify-form');
    var codeStep = v.step === 'code';
    var blocked = v.blockedUntil > Date.now();
    $('verify-intro').textContent = t('verify.intro.' + v.purpose, { ticket: v.ticketNumber });
    var notice = $('verify-notice');
    notice.hidden = !v.ended;
    notice.textContent = v.ended ? t(v.purpose === 'report' ? 'verify.ended.report' : 'verify.ended') : '';
    // the code belongs to the merchant ID it was sent for: another ID needs a new code ("Use another merchant ID")
    $('f-merchantId').readOnly = codeStep;
    $('verify-send-actions').hidden = codeStep;
    $('verify-code-step').hidden = !codeStep;
    $('verify-status').textContent = codeStep
      ? t(v.resent ? 'verify.resent' : 'verify.sent', { merchant: v.merchantId, at: formatInstant(v.codeExpiresAt) }) : '';
    if (v.verificationId) {
      form.setAttribute('data-verification-id', v.verificationId);
    } else {
      form.removeAttribute('data-verification-id');
    }
    setBusyLabel('verify-send', v.busy === 'send' && !codeStep, 'verify.send', 'verify.sending');
    setBusyLabel('verify-confirm', v.busy === 'confirm', 'verify.confirm', 'verify.confirming');
    setBusyLabel('verify-resend', v.busy === 'send' && codeStep, 'verify.resend', 'verify.sending');
    $('verify-send').disabled = !!v.busy || blocked;
    $('verify-confirm').disabled = !!v.busy || blocked;
    $('verify-resend').disabled = !!v.busy || blocked;
    $('verify-change').disabled = !!v.busy;
    form.setAttribute('aria-busy', String(!!v.busy));
    var error = v.error;
    $('verify-error').textContent = !error ? ''
      : t(error.key, error.waitSeconds ? { wait: formatWait(error.waitSeconds) } : error.params);
  }

  /** A wait the server asked for (Retry-After), in words. */
  function formatWait(seconds) {
    if (seconds < 60) {
      return t('wait.seconds', { n: Math.ceil(seconds) });
    }
    var minutes = Math.ceil(seconds / 60);
    return minutes === 1 ? t('wait.minute') : t('wait.minutes', { n: minutes });
  }

  /** 429: tell how long to wait, and keep the buttons off until then. */
  function waitBeforeTrying(v, retryAfter) {
    var seconds = retryAfter || 60;
    v.error = { key: 'verify.tooMany', waitSeconds: seconds };
    v.blockedUntil = Date.now() + seconds * 1000;
    setTimeout(function () {
      if (state.verify === v) {
        renderVerify();
      }
    }, seconds * 1000 + 50);
  }

  /** A code as typed or pasted: full-width digits (Chinese input methods) and spaces allowed. */
  function normalizeCode(value) {
    return value.replace(/[\uFF10-\uFF19]/g, function (digit) {
      return String.fromCharCode(digit.charCodeAt(0) - 0xFF10 + 48);
    }).replace(/[\s-]/g, '');
  }

  function submitVerify(event) {
    event.preventDefault();
    if (state.verify.step === 'code') {
      confirmCode();
    } else {
      sendCode();
    }
  }

  /** Asks for a code for the merchant ID typed (or, in the code step, a new code for the same ID). */
  function sendCode() {
    var v = state.verify;
    if (v.busy || v.blockedUntil > Date.now()) {
      return; // the buttons are off meanwhile; Enter in a field lands here
    }
    var again = v.step === 'code';
    var merchantId = again ? v.merchantId : $('f-merchantId').value.trim();
    clearErrors(VERIFY_FIELDS);
    v.error = null;
    if (!merchantId) {
      setError('merchantId', 'v.required');
    } else if (!RULES.id.test(merchantId)) {
      setError('merchantId', 'v.merchantId');
    }
    if (state.errors.merchantId) {
      renderVerify();
      focusFirstError(VERIFY_FIELDS);
      return;
    }
    verifyRequest(v, 'send', VERIFY_API, { merchantId: merchantId }, function (res, data) {
      if (res.status === 202 && data.verificationId) {
        v.step = 'code';
        v.merchantId = merchantId;
        v.verificationId = data.verificationId;
        v.codeExpiresAt = data.expiresAt;
        v.resent = again;
        $('f-code').value = '';
        v.busy = null;
        renderVerify();
        $('f-code').focus();
        return true;
      }
      return false;
    });
  }

  /**
   * Sends one step of the verification; {@code handled(res, data)} takes the answers of that step and says whether it
   * did. Every other answer is the same for both steps: the server's refusal next to its field, the wait it asks for,
   * a server or network error.
   */
  function verifyRequest(v, busy, path, body, handled) {
    v.busy = busy;
    renderVerify();
    api('POST', path, { body: body }).then(function (res) {
      if (state.verify !== v) {
        return;
      }
      var data = res.data || {};
      if (handled(res, data)) {
        return;
      }
      if (res.status === 400 && VERIFY_FIELDS.indexOf(data.field) >= 0) {
        setError(data.field, 'v.server', { message: serverDetail(data) });
        focusFirstError(VERIFY_FIELDS);
      } else if (res.status === 429) {
        waitBeforeTrying(v, res.retryAfter);
      } else {
        v.error = { key: 'common.server', params: { status: res.status } };
      }
    }, function (error) {
      if (!(error instanceof NetworkError)) {
        throw error;
      }
      v.error = { key: 'common.network' };
    }).finally(function () {
      v.busy = null;
      if (state.verify === v) {
        renderVerify();
      }
    });
  }

  /** Sends the code back; a right one opens the merchant session. */
  function confirmCode() {
    var v = state.verify;
    if (v.busy || !v.verificationId || v.blockedUntil > Date.now()) {
      return;
    }
    clearErrors(VERIFY_FIELDS);
    v.error = null;
    var code = normalizeCode($('f-code').value);
    if (!code) {
      setError('code', 'v.required');
    } else if (!RULES.code.test(code)) {
      setError('code', 'v.code');
    }
    if (state.errors.code) {
      renderVerify();
      focusFirstError(VERIFY_FIELDS);
      return;
    }
    verifyRequest(v, 'confirm', VERIFY_API + '/' + encodeURIComponent(v.verificationId), { code: code }, function (res, data) {
      if (res.status === 200 && data.sessionToken) {
        verified(data);
        return true;
      }
      if (res.status === 401) {
        setError('code', 'verify.wrongCode');
        focusFirstError(VERIFY_FIELDS);
        return true;
      }
      return false;
    });
  }

  /** Back to the merchant ID: the code sent belongs to the ID it was sent for. */
  function changeMerchant() {
    var v = state.verify;
    v.step = 'merchant';
    v.verificationId = null;
    v.codeExpiresAt = null;
    if (v.blockedUntil <= Date.now()) {
      v.error = null; // while the server asks to wait, the reason stays in sight
    }
    $('f-code').value = '';
    clearErrors(VERIFY_FIELDS);
    renderVerify();
    $('f-merchantId').focus();
  }

  /** The merchant is verified: keep the session, and go on where the verification was asked for. */
  function verified(data) {
    var purpose = state.verify.purpose;
    var session = saveSession(data);
    state.verify = newVerification();
    state.verify.merchantId = session.merchantId;
    state.myTickets = null;
    $('f-code').value = '';
    clearErrors(VERIFY_FIELDS);
    route(false);
    var next = purpose === 'report' ? $('f-terminalSerial') : purpose === 'tickets' ? $('my-tickets-title') : $('ticket-heading');
    if (next) {
      next.focus();
    }
  }

  // ---------------------------------------------------------------- report a fault

  function fillCategories() {
    var select = $('f-faultCategory');
    var chosen = select.value;
    replaceChildren(select,
      h('option', { value: '', text: t('report.faultCategory.choose') }),
      CATEGORIES.map(function (code) {
        return h('option', { value: code, text: t('category.' + code) });
      }));
    select.value = chosen;
  }

  /** The report, without a merchant ID: the server takes the merchant of the session. */
  function readReport() {
    var report = {
      terminalSerial: $('f-terminalSerial').value.trim(),
      faultCategory: $('f-faultCategory').value,
      description: $('f-description').value.trim(),
      paymentsBlocked: $('f-paymentsBlocked').checked
    };
    var phone = $('f-contactPhone').value.trim();
    if (phone) {
      report.contactPhone = phone;
    }
    return report;
  }

  function validateReport(report) {
    if (!report.terminalSerial) {
      setError('terminalSerial', 'v.required');
    } else if (!RULES.serial.test(report.terminalSerial)) {
      setError('terminalSerial', 'v.terminalSerial');
    }
    if (CATEGORIES.indexOf(report.faultCategory) < 0) {
      setError('faultCategory', 'v.chooseCategory');
    }
    var length = report.description.length;
    if (length === 0) {
      setError('description', 'v.required');
    } else if (length < 10) {
      setError('description', 'v.descriptionShort', { n: length });
    } else if (length > 2000) {
      setError('description', 'v.descriptionLong', { n: length });
    }
    if (report.contactPhone !== undefined && !RULES.phone.test(report.contactPhone)) {
      setError('contactPhone', 'v.phone');
    }
    return REPORT_FIELDS.every(function (field) { return !state.errors[field]; });
  }

  function submitReport(event) {
    event.preventDefault();
    if (state.reportBusy) {
      return; // a double click sends nothing more; the first request is still on its way
    }
    clearErrors(REPORT_FIELDS);
    setReportStatus(null);
    var session = currentSession();
    if (!session) {
      sessionEnded(); // expired meanwhile: confirm again first; the report stays as typed
      $('verify-send').focus();
      return;
    }
    var report = readReport();
    if (!validateReport(report)) {
      setReportStatus('common.formHasErrors');
      focusFirstError(REPORT_FIELDS);
      return;
    }
    // the same report for another merchant is another submission
    var body = session.merchantId + ' ' + JSON.stringify(report);
    // Same submission again (a retry): same key, so the server answers with the same ticket.
    // A changed report after a definite refusal is a new submission: new key.
    if (!state.reportKey || (state.lastReport && state.lastReport.definitive && state.lastReport.body !== body)) {
      state.reportKey = newIdempotencyKey();
    }
    state.lastReport = { body: body, definitive: false };
    state.reportBusy = true;
    setBusyLabel('report-submit', true, 'report.submit', 'report.sending');
    $('report-form').setAttribute('aria-busy', 'true');

    api('POST', API, { body: report, idempotencyKey: state.reportKey, session: true }).then(function (res) {
      var data = res.data || {};
      state.lastReport.definitive = res.status >= 400 && res.status < 500;
      if ((res.status === 201 || res.status === 200) && data.ticketNumber) {
        showReportResult(data, res.status === 200);
      } else if (res.status === 401) {
        // the session ended (expired, or ended by the server): a new code, then the same report again
        sessionEnded();
        $('verify-send').focus();
      } else if (res.status === 409 && data.error === 'open-ticket') {
        var field = REPORT_FIELDS.indexOf(data.field) >= 0 ? data.field : 'terminalSerial';
        setError(field, 'report.openTicket', { ticket: data.ticketNumber || '' });
        focusFirstError(REPORT_FIELDS);
      } else if (res.status === 400 && REPORT_FIELDS.indexOf(data.field) >= 0) {
        setError(data.field, 'v.server', { message: serverDetail(data) });
        setReportStatus('common.formHasErrors');
        focusFirstError(REPORT_FIELDS);
      } else {
        if (res.status === 400 && data.field === 'Idempotency-Key') {
          state.reportKey = null; // refused key: the next press sends a fresh one
        }
        setReportStatus('common.server', { status: res.status });
      }
    }, function (error) {
      if (!(error instanceof NetworkError)) {
        throw error;
      }
      // The report may have arrived: keep the key, so pressing again cannot make a second ticket.
      setReportStatus('common.networkReport');
    }).finally(function () {
      state.reportBusy = false;
      setBusyLabel('report-submit', false, 'report.submit', 'report.sending');
      $('report-form').removeAttribute('aria-busy');
    });
  }

  function statusUrlOf(data) {
    var url = data.statusUrl || ('/merchant/' + ticketHash('ticket', data.ticketNumber, data.accessToken));
    try {
      return new URL(url, window.location.href).href;
    } catch (e) {
      return url;
    }
  }

  function showReportResult(data, replayed) {
    state.reportResult = { ticketNumber: data.ticketNumber, statusUrl: statusUrlOf(data), replayed: replayed };
    // The form is done: the next report is a new form fill with a new key.
    $('report-form').reset();
    state.reportKey = null;
    state.lastReport = null;
    clearErrors(REPORT_FIELDS);
    setReportStatus(null);
    updateCounters();
    renderReportResult();
    renderReportView();
    $('report-result').focus();
  }

  /** The report view: the verification until the merchant is verified, then the form; the result after a report. */
  function renderReportView() {
    var session = currentSession();
    var result = !!state.reportResult;
    $('report-result').hidden = !result;
    $('report-form').hidden = result || !session;
    if (!result && !session && isView('report')) {
      showVerification('report-verify-slot', 'report');
    }
  }

  function renderReportResult() {
    var result = state.reportResult;
    $('report-ticket-number').textContent = result.ticketNumber;
    $('report-result-replayed').hidden = !result.replayed;
    var link = $('report-status-url');
    link.textContent = result.statusUrl;
    link.href = result.statusUrl;
    $('report-follow').href = result.statusUrl;
  }

  function copyStatusUrl() {
    var url = state.reportResult ? state.reportResult.statusUrl : '';
    var done = function () { $('report-copy-status').textContent = t('report.success.copied'); };
    var failed = function () {
      $('report-copy-status').textContent = t('report.success.copyFailed');
      var range = document.createRange();
      range.selectNodeContents($('report-status-url'));
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, failed);
    } else {
      failed();
    }
  }

  function reportAnother() {
    state.reportResult = null;
    $('report-copy-status').textContent = '';
    renderReportView();
    $(currentSession() ? 'f-terminalSerial' : 'f-merchantId').focus();
  }

  // ---------------------------------------------------------------- ticket

  function loadTicket(ticketNumber, token) {
    var current = { ticketNumber: ticketNumber, token: token, loading: true, data: null, error: null };
    state.ticket = current;
    renderTicketView();
    fetchTicket(current, function () {
      if (state.ticket === current) {
        renderTicketView();
      }
    });
  }

  /**
   * Loads the ticket into current.data (or current.error), then calls done; opened with the session, a ticket not
   * found may mean that the session ended: then the merchant is asked to confirm again instead.
   */
  function fetchTicket(current, done) {
    var withSession = !current.token;
    var sessionGone = false;
    api('GET', ticketPath(current.ticketNumber), ticketAccess(current.token)).then(function (res) {
      if (res.status === 200 && res.data) {
        current.data = res.data;
        current.loadedAt = new Date().toISOString();
      } else if (res.status === 404 || res.status === 400 || res.status === 401 || res.status === 403) {
        current.error = { key: 'ticket.notFound', notFound: true, withSession: withSession };
        if (withSession) {
          // the ticket list answers 401 when the session is no more
          return api('GET', API, { session: true }).then(function (check) {
            sessionGone = check.status === 401;
          }, function () { /* the notice stays "not found" */ });
        }
      } else {
        current.error = { key: 'common.server', params: { status: res.status } };
      }
    }, function () {
      current.error = { key: 'common.network' };
    }).finally(function () {
      current.loading = false;
      if (sessionGone && (state.ticket === current || state.survey === current)) {
        sessionEnded();
      } else {
        done();
      }
    });
  }

  function renderTicketView() {
    var body = $('ticket-body');
    var heading = $('ticket-heading');
    var ticket = state.ticket;
    var lookup = $('lookup');
    var session = currentSession();
    $('my-tickets-back').hidden = !ticket || !session;
    $('my-tickets').hidden = !!ticket || !session;
    if (!ticket) {
      // the ticket overview: a verified merchant's tickets, or the verification to see them; the lookup by key
      heading.textContent = t('lookup.pageTitle');
      replaceChildren(body, h('p', { className: 'intro', text: t(session ? 'lookup.intro.verified' : 'lookup.intro') }));
      if (!session && isView('ticket')) {
        showVerification('ticket-verify-slot', 'tickets');
        lookup.open = true;
      }
      return;
    }
    heading.textContent = t('ticket.title', { ticket: ticket.ticketNumber });
    if (ticket.needsVerification) {
      replaceChildren(body);
      if (isView('ticket')) {
        showVerification('ticket-verify-slot', 'ticket', ticket.ticketNumber);
      }
      return;
    }
    if (ticket.loading) {
      replaceChildren(body, h('p', { className: 'loading', text: t('common.loading') }));
      return;
    }
    if (ticket.error) {
      lookup.open = true;
      replaceChildren(body, h('div', { className: 'notice notice-error', id: 'ticket-error', role: 'alert' },
        h('p', { text: t(ticket.error.key, ticket.error.params), style: 'margin:0;font-weight:700' }),
        ticket.error.notFound ? h('p', { style: 'margin:6px 0 0',
          text: t(ticket.error.withSession ? 'ticket.notFound.session' : 'ticket.notFound.hint') }) : null,
        ticket.error.notFound ? null : h('p', { style: 'margin:10px 0 0' },
          h('button', { type: 'button', className: 'button', text: t('common.retry'),
            onclick: function () { loadTicket(ticket.ticketNumber, ticket.token); } }))));
      return;
    }
    replaceChildren(body, ticketContent(ticket.data, ticket.token));
  }

  /** The verified merchant's tickets, newest first. */
  function loadMyTickets() {
    var current = { loading: true, tickets: null, error: null };
    state.myTickets = current;
    renderMyTickets();
    api('GET', API, { session: true }).then(function (res) {
      if (res.status === 200 && res.data && Array.isArray(res.data.tickets)) {
        current.tickets = res.data.tickets;
      } else if (res.status === 401) {
        current.ended = true;
      } else {
        current.error = { key: 'common.server', params: { status: res.status } };
      }
    }, function (error) {
      if (!(error instanceof NetworkError)) {
        throw error;
      }
      current.error = { key: 'common.network' };
    }).finally(function () {
      current.loading = false;
      if (state.myTickets !== current) {
        return;
      }
      if (current.ended) {
        sessionEnded();
      } else {
        renderMyTickets();
      }
    });
  }

  function renderMyTickets() {
    var box = $('my-tickets-body');
    var mine = state.myTickets;
    if (!mine) {
      replaceChildren(box);
    } else if (mine.loading) {
      replaceChildren(box, h('p', { className: 'loading', text: t('common.loading') }));
    } else if (mine.error) {
      replaceChildren(box, h('div', { className: 'notice notice-error', id: 'my-tickets-error', role: 'alert' },
        h('p', { style: 'margin:0 0 10px;font-weight:700', text: t(mine.error.key, mine.error.params) }),
        h('button', { type: 'button', className: 'button', text: t('common.retry'), onclick: loadMyTickets })));
    } else if (!mine.tickets.length) {
      replaceChildren(box, h('p', { className: 'muted', id: 'my-tickets-none', text: t('myTickets.none') }));
    } else {
      replaceChildren(box, h('ul', { className: 'ticket-list' }, mine.tickets.map(myTicketRow)));
    }
  }

  function myTicketRow(row) {
    var open = row.status === 'OPEN';
    var status = open ? t('ticket.status.OPEN') + ' · ' + label('stage', row.stage)
      : t('ticket.status.' + (row.status === 'CANCELLED' ? 'CANCELLED' : 'CLOSED'));
    return h('li', { 'data-ticket': row.ticketNumber, 'data-status': row.status },
      h('div', { className: 'ticket-list-head' },
        h('a', { className: 'ticket-link', href: ticketHash('ticket', row.ticketNumber, ''), text: row.ticketNumber }),
        h('span', { className: 'badge' + (open ? '' : ' badge-closed'), text: status })),
      h('p', { className: 'ticket-list-line', text: t('myTickets.terminal', { serial: row.terminalSerial || '' })
        + (row.faultCategory ? ' · ' + label('category', row.faultCategory) : '') }),
      h('p', { className: 'ticket-list-line muted' },
        h('time', { datetime: row.reportedAt, text: t('myTickets.reported', { at: formatInstant(row.reportedAt) }) }),
        row.closedAt ? ' · ' : null,
        row.closedAt ? h('time', { datetime: row.closedAt, text: t('myTickets.closed', { at: formatInstant(row.closedAt) }) }) : null));
  }

  function pending() {
    return h('span', { className: 'pending', text: t('common.pending') });
  }

  function detailRow(term, value, options) {
    options = options || {};
    return [h('dt', { text: term }),
      h('dd', { className: options.plain ? 'plain' : null, id: options.id },
        value === null || value === undefined || value === '' ? pending() : value)];
  }

  function ticketContent(data, token) {
    var cancelled = data.status === 'CANCELLED';
    var closed = cancelled || data.status === 'CLOSED' || data.stage === 'CLOSED';
    var parts = [];

    parts.push(h('div', { className: 'ticket-head' },
      h('span', { id: 'ticket-status', className: 'badge' + (closed ? ' badge-closed' : ''),
        'data-status': data.status, text: t('ticket.status.' + (cancelled ? 'CANCELLED' : closed ? 'CLOSED' : 'OPEN')) }),
      h('button', { type: 'button', className: 'button', id: 'ticket-refresh', text: t('common.refresh'),
        onclick: function () { loadTicket(data.ticketNumber, token); } })));

    // Late repair: the new estimated time, highlighted while the repair is not done yet.
    var stageIndex = STAGES.indexOf(data.stage);
    var etaBanner = data.eta && !closed && stageIndex >= 0 && stageIndex <= STAGES.indexOf('REPAIR');
    if (etaBanner) {
      parts.push(h('div', { className: 'notice notice-late', id: 'ticket-eta', role: 'status' },
        h('span', { className: 'icon', 'aria-hidden': 'true', text: '!' }),
        h('span', { text: t('ticket.late', { eta: formatInstant(data.eta) }) })));
    }

    if (data.pause && !closed) {
      parts.push(h('div', { className: 'notice', id: 'ticket-pause', role: 'status', 'data-kind': data.pause.kind },
        h('span', { text: t('ticket.pause.' + data.pause.kind, { since: formatInstant(data.pause.since),
          until: formatInstant(data.pause.until) }) })));
    }

    if (state.ticket && state.ticket.withdrawRefused) {
      parts.push(h('div', { className: 'notice notice-error', id: 'withdraw-refused', role: 'alert',
        text: t(state.ticket.withdrawRefused) }));
    }
    if (cancelled) {
      parts.push(cancelledCard(data.cancellation || {}));
    } else {
      parts.push(progressCard(data, closed, stageIndex));
    }
    if (data.canWithdraw) {
      parts.push(withdrawCard(data, token));
    }
    // An open survey is what the merchant should do next: show it right under the progress.
    var surveyFirst = data.survey && data.survey.status === 'OPEN';
    if (surveyFirst) {
      parts.push(surveyCard(data, token));
    }
    parts.push(detailsCard(data, etaBanner));
    if (data.loaner) {
      parts.push(loanerCard(data.loaner));
    }
    parts.push(billCard(data.bill));
    if (data.deadlineChanges && data.deadlineChanges.length) {
      parts.push(deadlineChangesCard(data.deadlineChanges));
    }
    parts.push(notificationsCard(data.notifications || []));
    if (!surveyFirst) {
      parts.push(surveyCard(data, token));
    }
    parts.push(h('p', { className: 'muted', text: t('ticket.updatedAt', { at: formatInstant(state.ticket.loadedAt) }) }));
    return parts;
  }

  function progressCard(data, closed, stageIndex) {
    var list = h('ol', { className: 'steps', id: 'ticket-progress', 'aria-label': t('ticket.progress'),
      'data-stage': data.stage });
    STAGES.forEach(function (stage, i) {
      var status = closed || i < stageIndex ? 'done' : (i === stageIndex ? 'current' : 'todo');
      list.appendChild(h('li', { className: 'step ' + status, 'data-stage': stage,
        'aria-current': status === 'current' ? 'step' : null },
        h('span', { className: 'dot', 'aria-hidden': 'true', text: status === 'done' ? '✓' : String(i + 1) }),
        h('span', { className: 'step-label', text: t('stage.' + stage) }),
        h('span', { className: 'visually-hidden', text: ' (' + t('step.' + status) + ')' })));
    });
    return h('section', { className: 'card', 'aria-labelledby': 'progress-title' },
      h('h2', { id: 'progress-title', text: t('ticket.progress') }),
      h('p', { className: 'visually-hidden', id: 'ticket-stage',
        text: t('ticket.currentStage', { stage: label('stage', data.stage) }) }),
      list,
      closed ? h('p', { className: 'closed-line', id: 'ticket-closed', text: t('ticket.closedLine') }) : null);
  }

  function cancelledCard(cancellation) {
    return h('section', { className: 'card', id: 'ticket-cancelled', 'aria-labelledby': 'cancelled-title' },
      h('h2', { id: 'cancelled-title', text: t('ticket.status.CANCELLED') }),
      h('p', { style: 'margin:0 0 4px', text: t(cancellation.byMerchant ? 'ticket.cancelledLine.byMerchant' : 'ticket.cancelledLine',
        { at: formatInstant(cancellation.at) }) }),
      cancellation.reason ? h('p', { style: 'margin:0', id: 'ticket-cancelled-reason',
        text: t('ticket.cancelledReason', { reason: cancellation.reason }) }) : null);
  }

  /** The merchant withdraws the report: a reason (optional), then a second click to confirm. */
  function withdrawCard(data, token) {
    var status = h('p', { className: 'form-status', id: 'withdraw-status', role: 'status' });
    var reason = h('textarea', { id: 'f-withdrawReason', rows: 2, maxLength: 600, 'aria-describedby': 'withdraw-reason-hint' });
    var confirmBox = h('div', { id: 'withdraw-confirm', hidden: true },
      h('p', { style: 'margin:8px 0', text: t('ticket.withdraw.confirm', { ticket: data.ticketNumber }) }),
      h('button', { type: 'button', className: 'button primary', id: 'withdraw-yes', text: t('ticket.withdraw.yes'),
        onclick: function () { sendWithdrawal(data, token, reason.value.trim(), status); } }),
      ' ',
      h('button', { type: 'button', className: 'button', id: 'withdraw-no', text: t('ticket.withdraw.no'),
        onclick: function () { confirmBox.hidden = true; start.hidden = false; start.focus(); } }));
    var start = h('button', { type: 'button', className: 'button', id: 'withdraw-start', text: t('ticket.withdraw.button'),
      onclick: function () {
        if (reason.value.trim().length > 500) {
          status.textContent = t('v.withdrawReasonLong', { n: reason.value.trim().length });
          reason.focus();
          return;
        }
        status.textContent = '';
        start.hidden = true;
        confirmBox.hidden = false;
        $('withdraw-yes').focus();
      } });
    return h('section', { className: 'card', id: 'ticket-withdraw', 'aria-labelledby': 'withdraw-title' },
      h('h2', { id: 'withdraw-title', text: t('ticket.withdraw') }),
      h('p', { style: 'margin:0 0 8px', text: t('ticket.withdraw.intro') }),
      h('label', { 'for': 'f-withdrawReason', text: t('ticket.withdraw.reason') }),
      reason,
      h('p', { className: 'hint', id: 'withdraw-reason-hint', text: t('ticket.withdraw.reason.hint') }),
      start, confirmBox, status);
  }

  function sendWithdrawal(data, token, reason, status) {
    var yes = $('withdraw-yes');
    yes.disabled = true;
    yes.textContent = t('ticket.withdraw.sending');
    api('POST', ticketPath(data.ticketNumber) + '/withdrawal', ticketAccess(token, { body: reason ? { reason: reason } : {} }))
      .then(function (res) {
        var body = res.data || {};
        if (res.status === 200) {
          loadTicket(data.ticketNumber, token);
        } else if (res.status === 409) {
          // the ticket moved on meanwhile: show it as it stands, with the reason
          var reasonKey = body.error === 'repair-done' ? 'ticket.withdraw.repairDone'
            : body.error === 'ticket-suspended' ? 'ticket.withdraw.suspended' : 'ticket.withdraw.closed';
          fetchTicket(state.ticket, function () {
            renderTicketView();
            var notice = $('withdraw-refused');
            if (notice) {
              notice.textContent = t(reasonKey);
            }
          });
          state.ticket.withdrawRefused = reasonKey;
        } else if (res.status === 400) {
          status.textContent = serverDetail(body);
        } else {
          status.textContent = t('common.server', { status: res.status });
        }
      }, function (error) {
        if (!(error instanceof NetworkError)) {
          throw error;
        }
        status.textContent = t('common.network');
      }).finally(function () {
        if (document.body.contains(yes)) {
          yes.disabled = false;
          yes.textContent = t('ticket.withdraw.yes');
        }
      });
  }

  function detailsCard(data, etaShownAbove) {
    var rows = [];
    rows.push(detailRow(t('ticket.merchant'), data.merchantName, { id: 'ticket-merchant' }));
    rows.push(detailRow(t('ticket.terminal'), data.terminalSerial, { id: 'ticket-terminal' }));
    rows.push(detailRow(t('ticket.fault'), label('category', data.faultCategory), { id: 'ticket-fault' }));
    rows.push(detailRow(t('ticket.description'), data.description, { id: 'ticket-description', plain: true }));
    rows.push(detailRow(t('ticket.reportedAt'), formatInstant(data.reportedAt), { id: 'ticket-reported-at' }));
    rows.push(detailRow(t('ticket.severity'), data.severity
      ? h('span', { className: 'badge badge-severity-' + data.severity, text: label('severity', data.severity) })
      : null, { id: 'ticket-severity' }));
    rows.push(detailRow(t('ticket.channel'), label('channel', data.repairChannel), { id: 'ticket-channel' }));
    var responseLabel = data.responseWithinHours === 1 ? t('ticket.responseWithin1')
      : data.responseWithinHours ? t('ticket.responseWithin', { hours: data.responseWithinHours }) : t('ticket.responseDue');
    rows.push(detailRow(responseLabel, withProvisional(data, formatInstant(data.responseDue)), { id: 'ticket-response-due' }));
    rows.push(detailRow(t('ticket.resolutionDue'), withProvisional(data, formatInstant(data.resolutionDue)),
      { id: 'ticket-resolution-due' }));
    if (data.eta && !etaShownAbove) {
      rows.push(detailRow(t('ticket.eta'), formatInstant(data.eta), { id: 'ticket-eta-row' }));
    }
    return h('section', { className: 'card', 'aria-labelledby': 'details-title' },
      h('h2', { id: 'details-title', text: t('ticket.details') }),
      h('dl', { className: 'details' }, rows));
  }

  /** A deadline, marked when it counts days whose official holidays are not published yet. */
  function withProvisional(data, text) {
    if (!text || !data.deadlinesProvisional) {
      return text;
    }
    return h('span', null, h('span', { text: text }),
      h('span', { className: 'provisional muted', 'data-provisional': 'true', text: ' (' + t('ticket.provisional') + ')' }));
  }

  /** Why the deadlines moved: a calendar change, a pause of the repair clock. */
  function deadlineChangesCard(changes) {
    var section = h('section', { className: 'card', id: 'ticket-deadline-changes', 'aria-labelledby': 'changes-title' },
      h('h2', { id: 'changes-title', text: t('ticket.changes') }));
    append(section, h('ol', { className: 'timeline' }, changes.map(function (c) {
      var title = c.kind === 'DEADLINE_MOVED'
        ? t('ticket.change.DEADLINE_MOVED', { deadline: t('deadline.' + c.deadline), from: formatInstant(c.from),
          to: formatInstant(c.to) })
        : t('ticket.change.' + c.kind);
      return h('li', { 'data-kind': c.kind, 'data-deadline': c.deadline || '' },
        h('div', { className: 'when' }, h('time', { datetime: c.at, text: formatInstant(c.at) || '' })),
        h('div', { className: 'what', text: title }),
        c.message ? h('p', { className: 'message', lang: 'en', text: c.message }) : null);
    })));
    return section;
  }

  function loanerCard(loaner) {
    var lines = [];
    lines.push(h('p', { style: 'margin:0 0 4px;font-weight:700', text: t('ticket.loaner.serial', { serial: loaner.serial || '' }) }));
    lines.push(h('p', { style: 'margin:0 0 4px', id: 'loaner-lent',
      text: loaner.lentAt ? t('ticket.loaner.lent', { at: formatInstant(loaner.lentAt) }) : t('ticket.loaner.notLent') }));
    if (loaner.lentAt) {
      lines.push(h('p', { style: 'margin:0', id: 'loaner-returned',
        className: loaner.returnedAt ? null : 'pending',
        text: loaner.returnedAt ? t('ticket.loaner.returned', { at: formatInstant(loaner.returnedAt) })
          : t('ticket.loaner.notReturned') }));
    }
    return h('section', { className: 'card', id: 'ticket-loaner', 'aria-labelledby': 'loaner-title' },
      h('h2', { id: 'loaner-title', text: t('ticket.loaner') }), lines);
  }

  function billCard(bill) {
    var section = h('section', { className: 'card', id: 'ticket-bill', 'aria-labelledby': 'bill-title' },
      h('h2', { id: 'bill-title', text: t('ticket.bill') }));
    if (!bill) {
      append(section, h('p', { className: 'muted', style: 'margin:0', text: t('ticket.bill.none') }));
      return section;
    }
    var currency = bill.currency || 'CNY';
    if (bill.warrantyCovered) {
      append(section, h('p', { className: 'notice notice-ok', id: 'bill-warranty', text: t('ticket.bill.warranty') }));
    }
    var rows = (bill.lines || []).map(function (line) {
      return h('tr', { 'data-code': line.code },
        h('td', { 'data-label': t('ticket.bill.item') },
          // the price list's item in the page's language; an item the page does not know yet, as the bill names it
          h('span', { text: TEXT.en['item.' + line.code] !== undefined ? t('item.' + line.code) : (line.description || line.code || '') })),
        h('td', { 'data-label': t('ticket.bill.kind'), text: label('kind', line.kind) || '' }),
        h('td', { className: 'num', 'data-label': t('ticket.bill.quantity'), text: String(line.quantity) }),
        h('td', { className: 'num', 'data-label': t('ticket.bill.unitPrice'), text: formatMoney(line.unitPrice, currency) }),
        h('td', { className: 'num', 'data-label': t('ticket.bill.amount'), text: formatMoney(line.amount, currency) }),
        h('td', { 'data-label': t('ticket.bill.basis') },
          h('span', { className: 'basis basis-' + line.basis, 'data-basis': line.basis, text: label('basis', line.basis) || '' })));
    });
    append(section, h('div', { className: 'table-wrap' },
      h('table', { className: 'bill' },
        h('caption', { className: 'visually-hidden', text: t('ticket.bill.caption') }),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col', text: t('ticket.bill.item') }),
          h('th', { scope: 'col', text: t('ticket.bill.kind') }),
          h('th', { scope: 'col', className: 'num', text: t('ticket.bill.quantity') }),
          h('th', { scope: 'col', className: 'num', text: t('ticket.bill.unitPrice') }),
          h('th', { scope: 'col', className: 'num', text: t('ticket.bill.amount') }),
          h('th', { scope: 'col', text: t('ticket.bill.basis') }))),
        h('tbody', null, rows),
        h('tfoot', null, h('tr', null,
          h('td', { colspan: '4', text: t('ticket.bill.total') }),
          h('td', { className: 'num', id: 'bill-total', text: formatMoney(bill.total, currency) }),
          h('td', null))))));
    return section;
  }

  function notificationsCard(notifications) {
    var section = h('section', { className: 'card', id: 'ticket-notifications', 'aria-labelledby': 'notifications-title' },
      h('h2', { id: 'notifications-title', text: t('ticket.notifications') }));
    if (!notifications.length) {
      append(section, h('p', { className: 'muted', style: 'margin:0', text: t('ticket.notifications.none') }));
      return section;
    }
    append(section, h('ol', { className: 'timeline' }, notifications.map(function (n) {
      var title = TEXT.en['notification.' + n.kind] !== undefined ? t('notification.' + n.kind) : t('notification.other');
      return h('li', { 'data-kind': n.kind },
        h('div', { className: 'when' }, h('time', { datetime: n.at, text: formatInstant(n.at) || '' })),
        h('div', { className: 'what', text: title }),
        n.eta ? h('p', { className: 'eta', text: t('notification.eta', { eta: formatInstant(n.eta) }) }) : null,
        n.message ? h('p', { className: 'message', text: n.message }) : null);
    })));
    return section;
  }

  function surveyCard(data, token) {
    var survey = data.survey || { status: 'NOT_YET' };
    var section = h('section', { className: 'card', id: 'ticket-survey', 'data-status': survey.status,
      'aria-labelledby': 'survey-card-title' }, h('h2', { id: 'survey-card-title', text: t('ticket.survey') }));
    if (survey.status === 'OPEN') {
      append(section, h('p', { text: survey.expiresAt
        ? t('ticket.survey.OPEN.until', { at: formatInstant(survey.expiresAt) }) : t('ticket.survey.OPEN') }));
      append(section, h('a', { className: 'button primary', id: 'ticket-survey-link',
        href: ticketHash('survey', data.ticketNumber, token), text: t('ticket.survey.link') }));
    } else if (survey.status === 'ANSWERED') {
      append(section, h('p', { style: 'margin:0', text: survey.score !== null && survey.score !== undefined
        ? t('ticket.survey.ANSWERED', { score: survey.score }) : t('ticket.survey.ANSWERED.noScore') }));
      if (survey.comment) {
        append(section, h('p', { className: 'muted', style: 'margin:6px 0 0', text: t('ticket.survey.comment', { comment: survey.comment }) }));
      }
    } else if (survey.status === 'EXPIRED') {
      append(section, h('p', { className: 'muted', style: 'margin:0', text: t('ticket.survey.EXPIRED') }));
    } else {
      append(section, h('p', { className: 'muted', style: 'margin:0', text: t('ticket.survey.NOT_YET') }));
    }
    return section;
  }

  function submitLookup(event) {
    event.preventDefault();
    clearErrors(LOOKUP_FIELDS);
    var number = $('f-ticketNumber').value.trim();
    var token = $('f-token').value.trim();
    // A pasted link: take number and key from it.
    var hashAt = number.indexOf('#');
    if (hashAt >= 0) {
      var params = new URLSearchParams(number.slice(hashAt + 1));
      number = (params.get('ticket') || params.get('survey') || '').trim();
      token = (params.get('token') || token).trim();
      $('f-ticketNumber').value = number;
      $('f-token').value = token;
    }
    number = number.toUpperCase();
    if (!number) {
      setError('ticketNumber', 'v.required');
    } else if (!RULES.ticketNumber.test(number)) {
      setError('ticketNumber', 'v.ticketNumber');
    }
    if (!token && !currentSession()) {
      setError('token', 'v.required'); // a verified merchant opens their own tickets without the key
    }
    if (state.errors.ticketNumber || state.errors.token) {
      focusFirstError(LOOKUP_FIELDS);
      return;
    }
    var hash = ticketHash('ticket', number, token);
    if (window.location.hash === hash) {
      loadTicket(number, token);
    } else {
      window.location.hash = hash;
    }
  }

  // ---------------------------------------------------------------- survey

  function loadSurvey(ticketNumber, token) {
    var current = { ticketNumber: ticketNumber, token: token, loading: true, data: null, error: null, done: false };
    state.survey = current;
    resetSurveyForm();
    renderSurveyView();
    fetchTicket(current, function () {
      if (state.survey === current) {
        renderSurveyView();
      }
    });
  }

  function resetSurveyForm() {
    $('survey-form').reset();
    clearErrors(SURVEY_FIELDS);
    setSurveyStatus(null);
    updateCounters();
    updateStars();
  }

  function surveyOpen(survey) {
    var status = survey.data && survey.data.survey ? survey.data.survey.status : null;
    return status === 'OPEN';
  }

  function renderSurveyView() {
    var survey = state.survey;
    var body = $('survey-body');
    var form = $('survey-form');
    if (!survey) {
      form.hidden = true;
      replaceChildren(body);
      return;
    }
    var backLink = h('a', { className: 'button', id: 'survey-back', href: ticketHash('ticket', survey.ticketNumber, survey.token),
      text: t('survey.back') });
    $('survey-cancel').href = ticketHash('ticket', survey.ticketNumber, survey.token);
    if (survey.loading) {
      form.hidden = true;
      replaceChildren(body, h('p', { className: 'loading', text: t('common.loading') }));
      return;
    }
    if (survey.error) {
      form.hidden = true;
      replaceChildren(body, h('div', { className: 'notice notice-error', id: 'survey-error', role: 'alert' },
        h('p', { style: 'margin:0;font-weight:700', text: t(survey.error.key, survey.error.params) }),
        survey.error.notFound ? h('p', { style: 'margin:6px 0 0', text: t('ticket.notFound.hint') }) : null,
        survey.error.notFound ? null : h('p', { style: 'margin:10px 0 0' },
          h('button', { type: 'button', className: 'button', text: t('common.retry'),
            onclick: function () { loadSurvey(survey.ticketNumber, survey.token); } }))));
      return;
    }
    if (survey.done) {
      form.hidden = true;
      replaceChildren(body, h('div', { className: 'card result', id: 'survey-thanks' },
        h('h2', { text: t('survey.thanks') }),
        h('p', { text: t('survey.thanks.detail') }),
        h('div', { className: 'actions' }, backLink)));
      return;
    }
    if (survey.closed || !surveyOpen(survey)) {
      form.hidden = true;
      var notYet = !survey.closed && (!survey.data.survey || survey.data.survey.status === 'NOT_YET');
      replaceChildren(body, h('div', { className: 'notice', id: 'survey-closed', role: 'status' },
        h('p', { style: 'margin:0 0 10px;font-weight:700', text: t(notYet ? 'survey.notYet' : 'survey.closed') }),
        backLink));
      return;
    }
    replaceChildren(body);
    $('survey-ticket').textContent = t('survey.forTicket', { ticket: survey.ticketNumber });
    form.hidden = false;
  }

  function selectedScore() {
    var checked = document.querySelector('input[name="score"]:checked');
    return checked ? Number(checked.value) : null;
  }

  function updateStars() {
    var score = selectedScore();
    each('.star', function (star) {
      var value = Number(star.querySelector('input').value);
      star.classList.toggle('on', score !== null && value <= score);
      star.classList.toggle('selected', value === score);
    });
    $('score-meaning').textContent = score
      ? t('survey.scoreMeaning', { score: score, meaning: t('survey.score.' + score) }) : '';
  }

  function submitSurvey(event) {
    event.preventDefault();
    var survey = state.survey;
    if (state.surveyBusy || !survey) {
      return;
    }
    clearErrors(SURVEY_FIELDS);
    setSurveyStatus(null);
    var score = selectedScore();
    var comment = $('f-comment').value.trim();
    if (!score) {
      setError('score', 'v.score');
    }
    if (comment.length > 1000) {
      setError('comment', 'v.commentLong', { n: comment.length });
    }
    if (state.errors.score || state.errors.comment) {
      setSurveyStatus('common.formHasErrors');
      focusFirstError(SURVEY_FIELDS);
      return;
    }
    var answer = { score: score };
    if (comment) {
      answer.comment = comment;
    }
    state.surveyBusy = true;
    setBusyLabel('survey-submit', true, 'survey.submit', 'survey.sending');
    api('POST', ticketPath(survey.ticketNumber) + '/survey', ticketAccess(survey.token, { body: answer })).then(function (res) {
      var data = res.data || {};
      if (res.status === 200 || res.status === 201 || res.status === 204) {
        survey.done = true;
        renderSurveyView();
        var thanks = $('survey-thanks');
        if (thanks) {
          thanks.setAttribute('tabindex', '-1');
          thanks.focus();
        }
      } else if (res.status === 400 && SURVEY_FIELDS.indexOf(data.field) >= 0) {
        setError(data.field, 'v.server', { message: serverDetail(data) });
        setSurveyStatus('common.formHasErrors');
        focusFirstError(SURVEY_FIELDS);
      } else if (res.status === 409) {
        survey.closed = true;
        renderSurveyView();
      } else if (res.status === 404) {
        survey.error = { key: 'ticket.notFound', notFound: true };
        renderSurveyView();
      } else {
        setSurveyStatus('common.server', { status: res.status });
      }
    }, function (error) {
      if (!(error instanceof NetworkError)) {
        throw error;
      }
      setSurveyStatus('common.network');
    }).finally(function () {
      state.surveyBusy = false;
      setBusyLabel('survey-submit', false, 'survey.submit', 'survey.sending');
    });
  }

  // ---------------------------------------------------------------- routing

  function parseRoute() {
    var hash = window.location.hash.replace(/^#/, '');
    var params = new URLSearchParams(hash);
    var view = 'report';
    var ticketNumber = null;
    if (params.has('ticket')) {
      view = 'ticket';
      ticketNumber = params.get('ticket');
    } else if (params.has('survey')) {
      view = 'survey';
      ticketNumber = params.get('survey');
    }
    return {
      view: view,
      ticketNumber: ticketNumber ? ticketNumber.trim() : '',
      token: (params.get('token') || '').trim()
    };
  }

  function isView(view) {
    return !!state.route && state.route.view === view;
  }

  function route(moveFocus) {
    var next = parseRoute();
    state.route = next;
    ['report', 'ticket', 'survey'].forEach(function (view) {
      $('view-' + view).hidden = view !== next.view;
    });
    var session = currentSession();
    renderVerifiedMerchant();
    hideVerification(); // the view that needs it shows it in its place
    if (next.view === 'report') {
      renderReportView();
    }
    $('nav-report').toggleAttribute('aria-current', false);
    $('nav-follow').toggleAttribute('aria-current', false);
    if (next.view === 'report') {
      $('nav-report').setAttribute('aria-current', 'page');
    } else if (next.view === 'ticket') {
      $('nav-follow').setAttribute('aria-current', 'page');
    }

    if (next.view === 'ticket') {
      $('lookup').open = false;
      if (next.ticketNumber && next.token) {
        $('f-ticketNumber').value = next.ticketNumber;
        $('f-token').value = next.token;
        loadTicket(next.ticketNumber, next.token);
      } else if (next.ticketNumber && session) {
        loadTicket(next.ticketNumber, '');
      } else if (next.ticketNumber) {
        // a ticket without its key: the merchant's session opens it, once the merchant is verified
        state.ticket = { ticketNumber: next.ticketNumber, token: '', loading: false, needsVerification: true };
        renderTicketView();
      } else if (next.token) {
        state.ticket = { ticketNumber: next.ticketNumber, token: next.token, loading: false,
          error: { key: 'ticket.notFound', notFound: true } };
        renderTicketView();
      } else {
        state.ticket = null;
        renderTicketView();
        if (session) {
          loadMyTickets();
        }
      }
    } else if (next.view === 'survey') {
      if (next.ticketNumber && next.token) {
        loadSurvey(next.ticketNumber, next.token);
      } else if (next.ticketNumber && session) {
        loadSurvey(next.ticketNumber, '');
      } else {
        state.survey = { ticketNumber: next.ticketNumber, token: next.token, loading: false,
          error: { key: 'ticket.notFound', notFound: true } };
        renderSurveyView();
      }
    }
    if (moveFocus) {
      var heading = $(next.view === 'report' ? 'report-title' : next.view + '-heading');
      if (heading) {
        heading.focus();
      }
      window.scrollTo(0, 0);
    }
  }

  // ---------------------------------------------------------------- start

  function start() {
    // "/merchant" without the slash would resolve the page's relative links wrongly.
    if (/\/merchant$/.test(window.location.pathname)) {
      window.location.replace(window.location.pathname + '/' + window.location.search + window.location.hash);
      return;
    }
    each('.lang-button', function (button) {
      button.addEventListener('click', function () { setLanguage(button.getAttribute('data-lang')); });
    });
    $('report-form').addEventListener('submit', submitReport);
    $('verify-form').addEventListener('submit', submitVerify);
    $('verify-resend').addEventListener('click', sendCode);
    $('verify-change').addEventListener('click', changeMerchant);
    $('logout').addEventListener('click', logout);
    $('report-copy').addEventListener('click', copyStatusUrl);
    $('report-another').addEventListener('click', reportAnother);
    $('lookup-form').addEventListener('submit', submitLookup);
    $('survey-form').addEventListener('submit', submitSurvey);
    ['f-description', 'f-comment'].forEach(function (id) {
      $(id).addEventListener('input', updateCounters);
    });
    each('input[name="score"]', function (radio) {
      radio.addEventListener('change', function () {
        if (state.errors.score) {
          clearErrors(['score']);
        }
        updateStars();
      });
    });
    // A corrected field loses its error mark as soon as it changes.
    REPORT_FIELDS.concat(['comment'], LOOKUP_FIELDS, VERIFY_FIELDS).forEach(function (field) {
      var control = $('f-' + field);
      control.addEventListener(control.tagName === 'SELECT' || control.type === 'checkbox' ? 'change' : 'input', function () {
        if (state.errors[field]) {
          clearErrors([field]);
        }
      });
    });
    window.addEventListener('hashchange', function () { route(true); });
    watchSessionEnd(currentSession());
    applyLanguage();
    route(false);
    document.body.setAttribute('data-ready', 'true');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
