using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;

namespace Sdc.Infra.Building;

/// <summary>
/// S3 permissions by bucket and key prefix, spelled out action by action. CDK's own
/// <c>grantRead</c>/<c>grantWrite</c> add wildcards (<c>s3:GetObject*</c>, <c>s3:List*</c>,
/// <c>s3:DeleteObject*</c>…) wider than any SDC component needs; these give exactly what the
/// object-store adapter calls: GetObject (get, head, copy source), PutObject and
/// AbortMultipartUpload (put, multipart, copy target), DeleteObject, ListBucket.
/// </summary>
public static class BucketAccess
{
    /// <summary>The whole bucket (no prefix).</summary>
    public const string Everything = "";

    public static void Read(IGrantable who, IBucket bucket, params string[] prefixes) =>
        Objects(who, bucket, ["s3:GetObject"], prefixes);

    public static void Write(IGrantable who, IBucket bucket, params string[] prefixes) =>
        Objects(who, bucket, ["s3:PutObject", "s3:AbortMultipartUpload"], prefixes);

    public static void Delete(IGrantable who, IBucket bucket, params string[] prefixes) =>
        Objects(who, bucket, ["s3:DeleteObject"], prefixes);

    /// <summary>Listing keys under the prefixes (the whole bucket with <see cref="Everything"/>).</summary>
    public static void List(IGrantable who, IBucket bucket, params string[] prefixes)
    {
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:ListBucket"],
            Resources = [bucket.BucketArn],
        });
        if (!prefixes.Contains(Everything))
        {
            statement.AddCondition("StringLike", new Dictionary<string, object> { ["s3:prefix"] = prefixes.Select(p => p + "*").ToArray() });
        }
        who.GrantPrincipal.AddToPrincipalPolicy(statement);
    }

    private static void Objects(IGrantable who, IBucket bucket, string[] actions, string[] prefixes)
    {
        if (prefixes.Length == 0)
        {
            throw new ArgumentException("Name the prefixes (BucketAccess.Everything for the whole bucket).", nameof(prefixes));
        }
        who.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = actions,
            Resources = prefixes.Select(p => bucket.ArnForObjects(p + "*")).ToArray(),
        }));
    }
}
