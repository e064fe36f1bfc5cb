using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// Finding customers by many identifiers at once (upload chunks): the values come as one dialect list, read first and
/// joined to the identifier's unique index, so the database seeks the index once per value instead of scanning customers.
/// </summary>
internal sealed class CustomerStatements
{
    private static readonly StatementCache<CustomerStatements> Cache = new(d => new(d));

    private readonly string _byUserId;
    private readonly string _byEmail;
    private readonly string _byMobile;
    private readonly string _byExternalId;

    private CustomerStatements(ISqlDialect d)
    {
        _byUserId = By(d, "UserId");
        _byEmail = By(d, "Email");
        _byMobile = By(d, "Mobile");
        _byExternalId = By(d, "ExternalId");
    }

    public static CustomerStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>The user id and identifier (as text) of every customer whose identifier of <paramref name="type"/> is one of @values
    /// (a dialect list: numbers for user ids, text otherwise).</summary>
    public string ByIdentifiers(IdentifierType type) => type switch
    {
        IdentifierType.UserId => _byUserId,
        IdentifierType.Email => _byEmail,
        IdentifierType.Mobile => _byMobile,
        _ => _byExternalId,
    };

    private static string By(ISqlDialect d, string column) =>
        $"""SELECT c."UserId", CAST(c."{column}" AS TEXT) FROM {d.ListTable("@values", "j")} CROSS JOIN "Customers" c WHERE c."{column}" = j.value""";
}
