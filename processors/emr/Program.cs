return await ProcessorHost.RunAsync(args, new EmrProcessor());
