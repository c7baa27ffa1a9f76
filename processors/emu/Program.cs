return await Sdc.Processing.ProcessorHost.RunAsync(args, new Sdc.Processors.Emu.EmuProcessor());
