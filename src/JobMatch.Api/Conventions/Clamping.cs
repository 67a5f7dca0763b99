using System.Reflection;

namespace JobMatch.Api.Conventions;

/// <summary>
/// Applies the <see cref="ClampedAttribute"/> of a handler's parameters, and of the members of an [AsParameters] record,
/// before the handler runs: the handler gets the value the document states (never null, within the range) and writes no
/// bounds of its own.
/// </summary>
public static class Clamping
{
    public static TBuilder ClampsLimits<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Factory);

    sealed record Clamp(int Index, ClampedAttribute Limits, PropertyInfo? Member);

    static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var clamps = context.MethodInfo.GetParameters().SelectMany(Clamps).ToList();
        if (clamps.Count == 0)
        {
            throw new InvalidOperationException($"{context.MethodInfo.Name} has no [Clamped] parameter to apply.");
        }
        return invocation =>
        {
            foreach (var (index, limits, member) in clamps)
            {
                if (member is null)
                {
                    invocation.Arguments[index] = limits.Apply((int?)invocation.Arguments[index]);
                }
                else if (invocation.Arguments[index] is { } record)
                {
                    // The binder made this record for this request alone: setting its init-only member touches nothing else.
                    member.SetValue(record, limits.Apply((int?)member.GetValue(record)));
                }
            }
            return next(invocation);
        };
    }

    static IEnumerable<Clamp> Clamps(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<ClampedAttribute>() is { } limits)
        {
            return [new Clamp(parameter.Position, limits, null)];
        }
        if (parameter.GetCustomAttribute<AsParametersAttribute>() is null)
        {
            return [];
        }
        // A positional record declares the attribute on its constructor's parameter, the value lives in the property.
        var declared = parameter.ParameterType.GetConstructors().SelectMany(c => c.GetParameters())
            .Select(p => (p.Name, Limits: p.GetCustomAttribute<ClampedAttribute>())).Where(p => p.Limits is not null).ToList();
        return declared.Select(p => new Clamp(parameter.Position, p.Limits!, parameter.ParameterType.GetProperty(p.Name!)!));
    }
}
