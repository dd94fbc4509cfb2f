return await Jat.Cli.JatCommand.RunAsync(args);
