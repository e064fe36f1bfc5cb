using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Core.Uploads;

/// <summary>The header each kind of file must have (README, "API": the upload file headers), its name in URLs and its template.</summary>
public static class UploadLayouts
{
    public static readonly CsvLayout Customers = new("customers", [new("identifierType"), new("identifier"), new("count", false)]);
    public static readonly CsvLayout Codes = new("codes", [new("code"), new("identifierType", false), new("identifier", false)]);
    public static readonly CsvLayout Audience = new("audience", [new("identifierType"), new("identifier")]);
    public static readonly CsvLayout RevokeCustomers = new("revokeCustomers", [new("identifierType"), new("identifier")]);
    public static readonly CsvLayout Redemptions = new("redemptions",
        [new("code"), new("identifierType"), new("identifier"), new("storeId"), new("billAmount"), new("transactionId"), new("redeemedAt"),
         new("tillId", false), new("currency", false)]);
    public static readonly CsvLayout Entities = new("entities",
        [new("type"), new("id"), new("name"), new("parentId", false), new("conceptId", false), new("currency", false)]);
    public static readonly CsvLayout OrgCustomers = new("customers",
        [new("userId", false), new("externalId", false), new("mobile", false), new("email", false), new("name", false),
         new("registeredOn", false), new("transactionCount", false)]);

    public static CsvLayout For(UploadKind kind) => kind switch
    {
        UploadKind.Customers => Customers,
        UploadKind.Codes => Codes,
        UploadKind.Audience => Audience,
        UploadKind.RevokeCustomers => RevokeCustomers,
        UploadKind.Redemptions => Redemptions,
        UploadKind.Entities => Entities,
        _ => OrgCustomers,
    };

    /// <summary>The files an offer takes, in the order the screens list them.</summary>
    public static readonly IReadOnlyList<UploadKind> OfferKinds =
        [UploadKind.Customers, UploadKind.Codes, UploadKind.Audience, UploadKind.RevokeCustomers, UploadKind.Redemptions];

    /// <summary>The org-wide files.</summary>
    public static readonly IReadOnlyList<UploadKind> OrgKinds = [UploadKind.Entities, UploadKind.OrgCustomers];

    public static bool BelongsToOffer(UploadKind kind) => OfferKinds.Contains(kind);

    /// <summary>The kind named in a URL (<c>?kind=customers</c>); "customers" means issuing for an offer and registering for the org.</summary>
    public static UploadKind? Parse(string? name, bool forOffer)
    {
        return (forOffer ? OfferKinds : OrgKinds).Cast<UploadKind?>().FirstOrDefault(k => For(k!.Value).Kind.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A downloadable template: the header and one example row.</summary>
    public static string Template(UploadKind kind) => kind switch
    {
        UploadKind.Customers => "identifierType,identifier,count\r\nuserId,1001,1\r\nemail,asha@example.com,2\r\n",
        UploadKind.Codes => "code,identifierType,identifier\r\nSUMMER-0001,,\r\nSUMMER-0002,mobile,+919800000001\r\n",
        UploadKind.Audience or UploadKind.RevokeCustomers => "identifierType,identifier\r\nuserId,1001\r\nexternalId,CRM-42\r\n",
        UploadKind.Redemptions => "code,identifierType,identifier,storeId,billAmount,transactionId,redeemedAt,tillId,currency\r\n"
            + "SUMMER-0001,userId,1001,store-1,1250.00,T-9001,2026-11-20T18:30:00+05:30,,\r\n",
        UploadKind.Entities => "type,id,name,parentId,conceptId,currency\r\nzone,north,North zone,,,\r\nstore,store-1,Store 1,north,,INR\r\n",
        _ => "userId,externalId,mobile,email,name,registeredOn,transactionCount\r\n,CRM-42,+919800000001,asha@example.com,Asha,2026-01-15,3\r\n",
    };
}
