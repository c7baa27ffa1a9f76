Console.WriteLine("sdc");
