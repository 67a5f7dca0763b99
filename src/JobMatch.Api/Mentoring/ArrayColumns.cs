using System.Data;
using Dapper;

namespace JobMatch.Api.Mentoring;

/// <summary>
/// PostgreSQL arrays (text[], uuid[]) in positional records: Npgsql reports their column type as System.Array, which
/// Dapper will not match to a string[] or Guid[] constructor parameter unless a type handler vouches for the type.
/// Parameters pass through unchanged, so Npgsql still sends them as native arrays.
/// </summary>
static class ArrayColumns
{
    public static void Register()
    {
        SqlMapper.AddTypeHandler(new Handler<string>());
        SqlMapper.AddTypeHandler(new Handler<Guid>());
    }

    sealed class Handler<T> : SqlMapper.TypeHandler<T[]>
    {
        public override T[] Parse(object value) => (T[])value;

        public override void SetValue(IDbDataParameter parameter, T[]? value) => parameter.Value = value;
    }
}
