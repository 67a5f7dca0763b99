using JobMatch.Api.Auth;
using JobMatch.Api.Mail;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JobMatch.Api.Accounts;

public static class AccountsSetup
{
    public const int LockoutMinutes = 15;

    /// <summary>
    /// Identity's UserManager over <see cref="AccountStore"/> (hashing, lockout, stamps from the shared framework), the
    /// password policy (length, not composition; common passwords refused), and the stamp check on every bearer token.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section))
            .Validate(options => options.IsValid(), "Accounts: AccessTokenMinutes 1–60, RefreshTokenDays 1–90, StampCacheSeconds 0–60, "
                + "SignInsPerMinutePerAddress above 0, SecondFactorRequiredFor roles of admin, recruiter, mentor, veteran, "
                + "PublicOrigin an http(s) origin without a path (https://jobs.example.gov.cn).")
            .Validate<IOptions<AuthOptions>>((options, auth) => options.Enabled != true || BesideAuthorityIsValid(auth.Value),
                "Accounts:Enabled together with Auth:Authority needs Auth:SigningKey (base64, at least 32 bytes), which signs the "
                + "accounts' tokens, and an Auth:Issuer other than the authority: the issuer a token names tells the two kinds apart.")
            .Validate<IOptions<MailOptions>>((options, mail) => !mail.Value.IsOn || options.PublicOrigin is not null,
                "Mail:Host needs Accounts:PublicOrigin: mailed links name the console by it, never by a request's Host header.")
            .ValidateOnStart();
        // Asked for beside an OpenID Connect issuer: Auth accepts the tokens signed with the key too. Read from the section
        // here, not through IOptions<AccountOptions>, whose validation reads AuthOptions.
        services.PostConfigure<AuthOptions>(auth => auth.SigningKeyBesideAuthority = !string.IsNullOrWhiteSpace(auth.Authority)
            && (configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new()).IsOn(auth.Authority));
        services.AddIdentityCore<Account>(identity =>
        {
            identity.Password.RequiredLength = 10;
            identity.Password.RequiredUniqueChars = 4;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Lockout.MaxFailedAccessAttempts = 5;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
            identity.Lockout.AllowedForNewUsers = true;
            identity.User.AllowedUserNameCharacters = ""; // Chinese names too: AccountNameValidator checks them
        }).AddUserStore<AccountStore>().AddPasswordValidator<CommonPasswords>()
            .AddTokenProvider<AuthenticatorTokenProvider<Account>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<AccountStore>();
        services.AddScoped<IUserValidator<Account>, AccountNameValidator>().AddScoped<IdentityErrorDescriber, AccountErrors>();
        services.AddScoped<AccountTransaction>().AddScoped<AccountCreation>().AddScoped<AccountChanges>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<SecondFactors>();
        services.AddScoped<PasswordChanges>();
        services.AddScoped<AccountEmails>();
        services.AddSingleton<DecoyAccount>();
        services.AddSingleton<SecurityStamps>();
        services.AddMemoryCache();
        services.AddMail(configuration);

        // After Auth's own checks of the token (AuthSetup), a built-in account's token is checked against the account, by
        // either scheme (a token without the stamp claim passes).
        services.PostConfigureAll<JwtBearerOptions>(jwt =>
        {
            var earlier = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = async context =>
            {
                await earlier(context);
                if (context.Result is null && context.Principal is { } user
                    && await context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>().RefusalAsync(user) is { } refusal)
                {
                    context.Fail(refusal);
                }
            };
        });
        return services;
    }

    static bool BesideAuthorityIsValid(AuthOptions auth) => string.IsNullOrWhiteSpace(auth.Authority)
        || auth.HasUsableKey() && !string.Equals(auth.Issuer.TrimEnd('/'), auth.Authority.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>On unless an OpenID Connect issuer is configured, or when asked for (Accounts:Enabled).</summary>
    public static bool AreOn(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AccountOptions>>().Value
            .IsOn(services.GetRequiredService<IOptions<AuthOptions>>().Value.Authority);
}
