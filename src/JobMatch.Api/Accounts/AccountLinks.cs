using JobMatch.Api.Mail;

namespace JobMatch.Api.Accounts;

/// <summary>
/// The console's links that carry a one-time code, in the fragment (#/...) so that no server log ever sees the code; and the
/// mails that carry them. A mailed link names the console by <see cref="AccountOptions.PublicOrigin"/> only: anyone can ask
/// for a reset with a forged Host header, and the link must not lead the mail's reader elsewhere.
/// </summary>
public static class AccountLinks
{
    public static string SetPassword(string origin, string code) => $"{origin.TrimEnd('/')}/#/set-password?code={code}";

    public static string ConfirmEmail(string origin, string code) => $"{origin.TrimEnd('/')}/#/confirm-email?code={code}";

    public static Task<bool> MailPasswordResetAsync(MailSender mail, string origin, Account account, IssuedCode code) =>
        mail.SendAsync(account.Email!, "JobMatch：重设密码 / Reset your password", $"""
            {account.UserName}，您好：

            有人为您的 JobMatch 账号申请了重设密码。请在 {Hours(AccountCodes.ResetLifetime)} 小时内打开下面的链接设置新密码（只能使用一次）：

            {SetPassword(origin, code.Code)}

            如果不是您本人申请，请忽略此邮件，您的密码不会改变。

            ----

            Hello {account.UserName},

            Someone asked to reset the password of your JobMatch account. Open the link above within
            {Hours(AccountCodes.ResetLifetime)} hours to choose a new password (the link works once).

            If it was not you, ignore this mail: your password stays as it is.
            """);

    public static Task<bool> MailEmailConfirmationAsync(MailSender mail, string origin, Account account, string email, IssuedCode code) =>
        mail.SendAsync(email, "JobMatch：确认电子邮箱 / Confirm your e-mail address", $"""
            {account.UserName}，您好：

            请在 {Hours(AccountCodes.EmailLifetime)} 小时内打开下面的链接，确认此邮箱属于您的 JobMatch 账号（只能使用一次）。确认后，忘记密码时可以用此邮箱重设密码。

            {ConfirmEmail(origin, code.Code)}

            如果您没有添加过此邮箱，请忽略此邮件。

            ----

            Hello {account.UserName},

            Open the link above within {Hours(AccountCodes.EmailLifetime)} hours to confirm this address for your JobMatch account (the
            link works once). Once confirmed, a forgotten password can be reset through it.

            If you did not add this address, ignore this mail.
            """);

    static int Hours(TimeSpan lifetime) => (int)lifetime.TotalHours;
}
