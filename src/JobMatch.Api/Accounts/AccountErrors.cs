using JobMatch.Api.Conventions;
using Microsoft.AspNetCore.Identity;

namespace JobMatch.Api.Accounts;

/// <summary>
/// Identity's refusals in Chinese or English, saying what to do (Identity's own are English only), and the request field
/// each one is about, for a 400 ValidationProblem.
/// </summary>
public sealed class AccountErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = Say.Text($"密码至少 {length} 个字符：一句好记的短语最方便，不必加符号或大写。",
            $"A password has at least {length} characters: a phrase you remember works best, no symbols or capitals needed."),
    };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    {
        Code = nameof(PasswordRequiresUniqueChars),
        Description = Say.Text($"密码至少要有 {uniqueChars} 个不同的字符，请换一句短语。",
            $"A password has at least {uniqueChars} different characters: choose another phrase."),
    };

    public override IdentityError DuplicateUserName(string userName) => new()
    {
        Code = nameof(DuplicateUserName),
        Description = Say.Text("该用户名已被使用，请换一个。", "This user name is taken: choose another."),
    };

    public override IdentityError InvalidUserName(string? userName) => new()
    {
        Code = nameof(InvalidUserName),
        Description = Say.Text("请填写用户名。", "Give a user name."),
    };

    /// <summary>The refusals by the request field they concern: the password's, else the user name's.</summary>
    public static Dictionary<string, string[]> ByField(IdentityResult result) => result.Errors
        .GroupBy(error => error.Code.StartsWith("Password", StringComparison.Ordinal)
            || error.Code == CommonPasswords.Code ? "password" : "userName")
        .ToDictionary(group => group.Key, group => group.Select(error => error.Description).ToArray());
}
