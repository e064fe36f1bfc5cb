using CouponAdmin.Core.Uploads.Processors;

namespace CouponAdmin.Core.Uploads;

/// <summary>Makes the row processor of each kind of upload (a new one per run: processors keep per-run state).</summary>
public sealed class UploadProcessors
{
    internal IUploadProcessor Create(UploadKind kind) => kind switch
    {
        UploadKind.Customers => new CustomerIssuanceProcessor(),
        UploadKind.Codes => new CodesProcessor(),
        UploadKind.Audience => new AudienceProcessor(),
        UploadKind.RevokeCustomers => new RevokeCustomersProcessor(),
        UploadKind.Redemptions => new RedemptionsProcessor(),
        UploadKind.Entities => new EntitiesProcessor(),
        _ => new OrgCustomersProcessor(),
    };
}
