using Sdc.Cli;

return await SdcCommand.Create().Parse(args).InvokeAsync();
