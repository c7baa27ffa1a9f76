return await ProcessorHost.RunAsync(args, new ExiProcessor());
