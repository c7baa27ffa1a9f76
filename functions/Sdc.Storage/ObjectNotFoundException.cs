namespace Sdc.Storage;

/// <summary>The object a read, copy or move needed does not exist.</summary>
public sealed class ObjectNotFoundException : Exception
{
    public ObjectNotFoundException(string bucket, string key, Exception? innerException = null)
        : base($"No object '{ObjectNames.ForDisplay(key)}' in bucket '{ObjectNames.ForDisplay(bucket)}'.", innerException)
    {
        Bucket = bucket;
        Key = key;
    }

    public string Bucket { get; }

    public string Key { get; }
}
