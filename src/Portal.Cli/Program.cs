using System.Text;
using Portal.Cli;

Console.OutputEncoding = Encoding.UTF8;
return PortalCli.Run(args, Console.Out, Console.Error);
