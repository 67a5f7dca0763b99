using JobMatch.Api.Conventions;
using Microsoft.AspNetCore.Identity;

namespace JobMatch.Api.Accounts;

/// <summary>
/// Refuses a password from data/accounts/common-passwords.txt, or one that holds the account's own name or phone:
/// length does the rest (AccountsSetup), without composition rules.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<Account>
{
    public const string Resource = "common-passwords.txt";

    public const string Code = "CommonPassword";

    static readonly Lazy<HashSet<string>> List = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        var plain = (password ?? "").Trim().ToLowerInvariant();
        var own = new[] { user.UserName, user.Phone }.OfType<string>().Where(value => value.Length >= 4);
        var refused = List.Value.Contains(plain) || own.Any(value => plain.Contains(value.ToLowerInvariant(), StringComparison.Ordinal));
        return Task.FromResult(refused
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = Say.Text("常见密码，或含有本账号用户名、手机号的密码不能使用：请换一句更长的短语。",
                    "A password that is common, or holds the account's name or phone, is refused: choose a longer phrase."),
            })
            : IdentityResult.Success);
    }

    static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Select(line => line.Trim().ToLowerInvariant())
            .Where(line => line.Length > 0 && line[0] != '#')];
    }
}
