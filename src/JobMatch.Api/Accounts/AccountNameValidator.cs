using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using Microsoft.AspNetCore.Identity;

namespace JobMatch.Api.Accounts;

/// <summary>
/// The user name rule, for every account however it is made or changed (Identity runs it on CreateAsync and UpdateAsync,
/// after its own check that the name is not taken): 1 to 100 characters, no surrounding spaces (sign-in trims what is
/// typed) nor control characters, and a name that reads as a mobile number only when it is the account's own phone, since
/// sign-in takes a name or a phone and the name would otherwise stand for another person's number.
/// </summary>
public sealed class AccountNameValidator : IUserValidator<Account>
{
    public const int MaxLength = 100;

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user)
    {
        var name = user.UserName ?? "";
        var refusal = name.Trim().Length is 0 or > MaxLength || name.Trim() != name || name.Any(char.IsControl)
            ? new IdentityError
            {
                Code = "UserNameShape",
                Description = Say.Text($"用户名为 1 到 {MaxLength} 个字，首尾不留空格，不含控制字符。",
                    $"A user name has 1 to {MaxLength} characters, no spaces at either end and no control characters."),
            }
            : PhoneNumber.Normalize(name) is { } phone && phone != user.Phone
            ? new IdentityError
            {
                Code = "UserNameIsAnotherPhone",
                Description = Say.Text("像手机号的用户名只能是本账号自己的手机号：请换一个不像手机号的名字，或不填用户名。",
                    "A user name that reads as a mobile number must be this account's own phone: choose a name that is not a "
                    + "number, or leave it out."),
            }
            : null;
        return Task.FromResult(refusal is null ? IdentityResult.Success : IdentityResult.Failed(refusal));
    }
}
