using Sdc.States.History;

namespace Sdc.States.Tests;

public sealed class HistoryTests
{
    [Fact]
    public async Task History_TaskThenMap_RecordsEventsLikeStepFunctions()
    {
        var tasks = new ScriptedTaskHandler().Return("T", Engines.Json("[1,2]"));
        var engine = Engines.Create("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"LAMBDA","Next":"M"},
              "M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, tasks);

        var execution = await engine.RunAsync(Engines.Json("""{"a":1}"""));
        var types = execution.History.Select(e => e.Type).ToList();

        Assert.Equal("ExecutionStarted", types[0]);
        Assert.Equal(["TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited"], types.Skip(1).Take(5));
        Assert.Equal("MapStateEntered", types[6]);
        Assert.Equal(2, types.Count(t => t == "MapIterationStarted"));
        Assert.Equal(2, types.Count(t => t == "MapIterationSucceeded"));
        Assert.Equal(["MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"], types.TakeLast(3));
        Assert.Equal(Enumerable.Range(1, types.Count).Select(i => (long)i), execution.History.Select(e => e.Id));
        Assert.True(execution.History.Zip(execution.History.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
        var entered = execution.History.First(e => e.Type == "TaskStateEntered");
        JsonAssert.Equal(Engines.Json("""{"a":1}"""), entered.Input);
        Assert.Equal("T", entered.StateName);
        Assert.Equal([0, 1], execution.History.Where(e => e.Type == "MapIterationStarted").Select(e => e.Index!.Value).Order());
    }

    [Fact]
    public async Task HistoryListener_ReceivesEveryEventAsRecorded()
    {
        var listener = new CollectingListener();
        var engine = new Execution.StateMachineEngine(StateMachine.Parse("""{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}}"""),
            new Execution.EngineOptions { HistoryListener = listener, Clock = new Time.VirtualStatesClock() });

        var execution = await engine.RunAsync(Engines.Json("{}"), "listened");

        Assert.Equal(execution.History.Select(e => e.Type), listener.Events.Select(e => e.Type));
        Assert.All(listener.Names, n => Assert.Equal("listened", n));
        var failed = Assert.Single(listener.Events, e => e.Type == "ExecutionFailed");
        Assert.Equal("E", failed.Error);
        Assert.Equal("ExecutionFailed", failed.ToJson()["type"]!.GetValue<string>());
    }

    private sealed class CollectingListener : IHistoryListener
    {
        public List<HistoryEvent> Events { get; } = [];

        public List<string> Names { get; } = [];

        public void OnEvent(string executionName, HistoryEvent historyEvent)
        {
            lock (Events)
            {
                Events.Add(historyEvent);
                Names.Add(executionName);
            }
        }
    }
}
