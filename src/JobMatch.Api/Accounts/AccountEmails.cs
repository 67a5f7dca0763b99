using JobMatch.Api.Mail;
using JobMatch.Api.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Accounts;

/// <summary>What asking for an address's confirmation came to.</summary>
public enum EmailRequest { NoAccount, MailOff, NotSent, Sent }

/// <summary>What a confirmation code came to.</summary>
public enum EmailConfirmation { CodeDoesNotWork, TakenByAnother, Confirmed }

/// <summary>
/// An account's e-mail address, which changes only when a link mailed to it comes back; and the password reset it allows. The
/// audit says what happened, never the address.
/// </summary>
public sealed class AccountEmails(UserManager<Account> users, AccountStore store, MailSender mail, NpgsqlDataSource dataSource,
    IOptions<AccountOptions> options, TimeProvider clock)
{
    public async Task<EmailRequest> RequestConfirmationAsync(string subject, string email)
    {
        if (await store.FindByIdAsync(subject, default) is not { DisabledAt: null } account)
        {
            return EmailRequest.NoAccount;
        }
        if (!mail.IsOn)
        {
            return EmailRequest.MailOff;
        }
        await using var db = await dataSource.OpenConnectionAsync();
        var code = await AccountCodes.IssueAsync(db, null, account.Id, CodePurposes.EmailConfirmation, AccountCodes.EmailLifetime,
            account.Id.ToString(), UtcTime(), payload: email);
        // A code whose mail did not go out is known to no one: it runs out unused.
        if (!await AccountLinks.MailEmailConfirmationAsync(mail, Origin, account, email, code))
        {
            return EmailRequest.NotSent;
        }
        await AccountAudit.WriteAsync(db, null, account, "account.email_confirmation_sent");
        return EmailRequest.Sent;
    }

    /// <summary>The code's address becomes the account's, confirmed; unless another account holds it by now.</summary>
    public async Task<EmailConfirmation> ConfirmAsync(string code)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await AccountCodes.RedeemAsync(db, tx, code, [CodePurposes.EmailConfirmation], UtcTime()) is not { Payload: { } email } redeemed
            || await store.FindByIdAsync(redeemed.AccountId.ToString(), default) is not { DisabledAt: null } account)
        {
            return EmailConfirmation.CodeDoesNotWork;
        }
        var normalized = users.NormalizeEmail(email);
        if (await store.FindByEmailAsync(normalized, default) is { } holder && holder.Id != account.Id)
        {
            return EmailConfirmation.TakenByAnother;
        }
        (account.Email, account.NormalizedEmail, account.EmailConfirmed) = (email, normalized, true);
        if (!(await users.UpdateAsync(account)).Succeeded)
        {
            throw new InvalidOperationException("The account changed while its e-mail address was confirmed.");
        }
        await AccountAudit.WriteAsync(db, tx, account, "account.email_confirmed");
        await tx.CommitAsync();
        return EmailConfirmation.Confirmed;
    }

    /// <summary>
    /// A reset asked for by the account's name or phone. When it names an enabled account with a confirmed address and mail is
    /// set up, the mail to send once the answer has gone (so the answer takes as long whatever the account); else null.
    /// </summary>
    public async Task<Func<Task>?> RequestResetAsync(string name)
    {
        if (await store.FindByNameOrPhoneAsync(users.NormalizeName(name.Trim()) ?? "", PhoneNumber.Normalize(name)) is not { } account)
        {
            return null;
        }
        var mailed = mail.IsOn && account is { DisabledAt: null, EmailConfirmed: true, Email: not null };
        await using var db = await dataSource.OpenConnectionAsync();
        await AccountAudit.WriteAsync(db, null, account, "account.password_reset_requested", new { mailed });
        if (!mailed)
        {
            return null;
        }
        var code = await AccountCodes.IssueAsync(db, null, account.Id, CodePurposes.PasswordReset, AccountCodes.ResetLifetime,
            account.Id.ToString(), UtcTime());
        var origin = Origin;
        return () => AccountLinks.MailPasswordResetAsync(mail, origin, account, code);
    }

    // Mail needs the public origin (AccountsSetup refuses Mail:Host without it).
    string Origin => options.Value.Origin!;

    DateTime UtcTime() => clock.GetUtcNow().UtcDateTime;
}
