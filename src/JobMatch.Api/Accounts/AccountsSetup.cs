using JobMatch.Api.Auth;
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
                + "SignInsPerMinutePerAddress above 0, PublicOrigin an http(s) origin without a path (https://jobs.example.gov.cn).")
            .Validate<IOptions<AuthOptions>>((options, auth) => options.Enabled != true || string.IsNullOrWhiteSpace(auth.Value.Authority),
                "Accounts:Enabled together with Auth:Authority is not supported yet: the service would have to accept two kinds of token.")
            .ValidateOnStart();
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
            identity.User.AllowedUserNameCharacters = ""; // Chinese names too: the registration's edge validates them
        }).AddUserStore<AccountStore>().AddPasswordValidator<CommonPasswords>();
        services.AddScoped<AccountStore>();
        services.AddScoped<AccountTransaction>().AddScoped<AccountCreation>().AddScoped<AccountChanges>();
        services.AddScoped<AccountSessions>();
        services.AddSingleton<DecoyAccount>();
        services.AddSingleton<SecurityStamps>();
        services.AddMemoryCache();

        // After Auth's own checks of the token (AuthSetup), a built-in account's token is checked against the account.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
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

    /// <summary>On unless an OpenID Connect issuer is configured, or when asked for (Accounts:Enabled).</summary>
    public static bool AreOn(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AccountOptions>>().Value
            .IsOn(services.GetRequiredService<IOptions<AuthOptions>>().Value.Authority);
}
