namespace Sdc.States.Validation;

/// <summary>How a state's fields select and shape data.</summary>
internal enum QueryLanguage
{
    JsonPath,
    Jsonata,
}
