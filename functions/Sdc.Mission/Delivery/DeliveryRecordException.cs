namespace Sdc.Mission.Delivery;

/// <summary>
/// A delivery record that is not one: says which field (a JSON path such as <c>files[3].md5</c>),
/// what it held and what was expected, so the MOC can fix and resend it.
/// </summary>
public sealed class DeliveryRecordException : FormatException
{
    public DeliveryRecordException()
    {
    }

    public DeliveryRecordException(string message)
        : base(message)
    {
    }

    public DeliveryRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeliveryRecordException(string field, string actual, string expected)
        : base($"{field}: {actual}; expected {expected}")
    {
        Field = field;
        Actual = actual;
        Expected = expected;
    }

    /// <summary>JSON path of the offending field ("" for the document as a whole).</summary>
    public string Field { get; } = "";

    public string Actual { get; } = "";

    public string Expected { get; } = "";
}
