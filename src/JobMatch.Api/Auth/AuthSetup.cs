using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JobMatch.Api.Auth;

public static class AuthSetup
{
    /// <summary>Who am I: the only route of its own (tokens come from the identity provider or the <c>token</c> command).</summary>
    public static IEndpointRouteBuilder MapJobMatchAuth(this IEndpointRouteBuilder app)
    {
        app.MapMe();
        return app;
    }

    /// <summary>The default scheme: it hands each request to the scheme that checks its kind of token (<see cref="SchemeFor"/>).</summary>
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>HS256 tokens signed with Auth:SigningKey as Auth:Issuer: the <c>token</c> command's and built-in accounts'.</summary>
    public const string SigningKeyScheme = "SigningKey";

    /// <summary>Tokens of the OpenID Connect issuer at Auth:Authority, checked with the keys it publishes.</summary>
    public const string AuthorityScheme = "Authority";

    /// <summary>
    /// JWT bearer tokens, exactly one known role each, and a fallback policy that closes every endpoint by default. Either
    /// kind of token alone, or both (<see cref="AuthOptions.SigningKeyBesideAuthority"/>): then the token's <c>iss</c>, read
    /// unverified, only chooses the scheme, which checks the signature, issuer, audience and lifetime itself.
    /// </summary>
    public static IServiceCollection AddJobMatchAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(options => options.IsValid(),
                "Set Auth:SigningKey (base64, at least 32 bytes) or Auth:Authority (an OpenID Connect issuer) to check bearer tokens.")
            .ValidateOnStart();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, null, policy => policy.ForwardDefaultSelector = SchemeFor)
            .AddJwtBearer(SigningKeyScheme)
            .AddJwtBearer(AuthorityScheme);
        services.AddOptions<JwtBearerOptions>(SigningKeyScheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            Configure(jwt, auth.Value);
            if (auth.Value.HasUsableKey())
            {
                jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(auth.Value.SigningKeyBytes());
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });
        services.AddOptions<JwtBearerOptions>(AuthorityScheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            Configure(jwt, auth.Value);
            if (!string.IsNullOrWhiteSpace(auth.Value.Authority))
            {
                jwt.Authority = auth.Value.Authority;
            }
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Recruiter, policy => policy.RequireRole(Roles.Recruiter))
            .AddPolicy(Policies.Veteran, policy => policy.RequireRole(Roles.Veteran))
            .AddPolicy(Policies.Mentor, policy => policy.RequireRole(Roles.Mentor))
            .AddPolicy(Policies.AdminOrRecruiter, policy => policy.RequireRole(Roles.Admin, Roles.Recruiter))
            .AddPolicy(Policies.AnyRole, policy => policy.RequireRole([.. Roles.All]));
        return services;
    }

    static void Configure(JwtBearerOptions jwt, AuthOptions options)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            NameClaimType = "sub",
            RoleClaimType = "role",
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        jwt.Events = new JwtBearerEvents { OnTokenValidated = RequireExactlyOneKnownRole };
    }

    /// <summary>
    /// Without an authority, the signing key's scheme; with one alone, the authority's; with both, the signing key's for a
    /// token that names Auth:Issuer and the authority's for any other (a token it cannot read included).
    /// </summary>
    static string SchemeFor(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        return string.IsNullOrWhiteSpace(options.Authority) ? SigningKeyScheme
            : !options.SigningKeyBesideAuthority ? AuthorityScheme
            : UnverifiedIssuer(context.Request) == options.Issuer ? SigningKeyScheme : AuthorityScheme;
    }

    /// <summary>The <c>iss</c> a bearer token claims, not checked: it only chooses the scheme that checks the token.</summary>
    static string? UnverifiedIssuer(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = authorization["Bearer ".Length..].Trim();
        var handler = new JsonWebTokenHandler();
        try
        {
            return handler.CanReadToken(token) ? handler.ReadJsonWebToken(token).Issuer : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    static Task RequireExactlyOneKnownRole(TokenValidatedContext context)
    {
        var roles = context.Principal?.FindAll("role").Select(claim => claim.Value).ToList() ?? [];
        if (roles.Count != 1 || !Roles.All.Contains(roles[0]) || !Subjects.IsValid(context.Principal, context.SecurityToken))
        {
            context.Fail($"A token must carry one sub ({Subjects.Rule}) and exactly one role of admin, recruiter, veteran or mentor.");
        }
        return Task.CompletedTask;
    }
}
