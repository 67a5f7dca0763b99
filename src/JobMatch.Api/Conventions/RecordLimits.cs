using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace JobMatch.Api.Conventions;

/// <summary>
/// The limits declared on a request record (<see cref="FieldLimitAttribute"/>), checked by the same .NET validation that
/// checks the record when a client sends it, for a record built from another source (a roster row): the same limits, the
/// same messages, the same field names (<c>service.years</c>).
/// </summary>
public static class RecordLimits
{
    // ASP0029: reaching the validation engine outside an endpoint is marked experimental in .NET 10; the alternative is a
    // second engine (DataAnnotations' Validator) that could read the records otherwise.
#pragma warning disable ASP0029
    public static Dictionary<string, string[]> Check<T>(T record, IServiceProvider services) where T : class
    {
        var options = services.GetRequiredService<IOptions<ValidationOptions>>().Value;
        if (!options.TryGetValidatableTypeInfo(typeof(T), out var info))
        {
            throw new InvalidOperationException($"{typeof(T).Name} is not a validated request record.");
        }
        var context = new ValidateContext
        {
            ValidationOptions = options, ValidationContext = new ValidationContext(record, services, null),
        };
        // The attributes are synchronous: the task is complete when it returns.
        info.ValidateAsync(record, context, CancellationToken.None).GetAwaiter().GetResult();
        var errors = context.ValidationErrors ?? [];
        Problems.CamelCaseKeys(errors);
        return errors;
    }
#pragma warning restore ASP0029
}
