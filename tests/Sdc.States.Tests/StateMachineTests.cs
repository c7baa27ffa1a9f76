namespace Sdc.States.Tests;

public sealed class StateMachineTests
{
    [Fact]
    public void Parse_InvalidDefinition_ListsEveryProblemWithItsState()
    {
        var error = Assert.Throws<StateMachineValidationException>(() => StateMachine.Parse("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Next":"Nowhere"},
              "B":{"Type":"Wait","End":true}}}
            """));

        Assert.Contains(error.Problems, p => p.StateName == "A");
        Assert.Contains(error.Problems, p => p.StateName == "B");
        Assert.Contains("Nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAnObject_SaysWhatADefinitionIs()
    {
        var error = Assert.Throws<FormatException>(() => StateMachine.Parse("[1,2]"));

        Assert.Contains("JSON object", error.Message, StringComparison.Ordinal);
    }
}
