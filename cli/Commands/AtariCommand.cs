using System.CommandLine;
using Jat.Cli.Presentation;
using Jat.Environments;
using Jat.Environments.Atari.Emulator;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat atari run ROM</c>: Jat's 2600 emulator headless, frame and RAM digests to compare with another emulator.</summary>
internal static class AtariCommand
{
    public static Command Create()
    {
        var command = new Command("atari", "Atari 2600: Jat's clean-room emulator (ALE-compatible).");
        command.Subcommands.Add(Run());
        return command;
    }

    private static Command Run()
    {
        var rom = new Argument<FileInfo>("rom") { Description = "A 2600 cartridge image (.bin/.a26); its scheme is detected from size and content." };
        var frames = new Option<int>("--frames") { Description = "ALE frames to emulate from power-on.", HelpName = "N", DefaultValueFactory = _ => 60 };
        var actions = new Option<FileInfo?>("--actions") { Description = "ALE joystick action ids (0 NOOP … 17 DOWNLEFTFIRE), one per frame, separated by spaces or new lines; NOOP after the list ends." };
        var render = new Option<FileInfo?>("--render") { Description = "Save the last frame's screen (160 x 210, NTSC palette) as a PNG." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("run",
            "Run a ROM headless from power-on (RAM zero, system reset), one ALE frame per action, and print each frame's " +
            "CRC-32 of the 160 x 210 screen (palette indices, row by row) and of RAM $80-$FF, with the frame's CPU cycles " +
            "and scanlines: the digests ALE's traces record.")
        {
            rom, frames, actions, render, json,
        };
        command.SetAction((result, _) => Terminal.RunAsync(() =>
        {
            int count = result.GetValue(frames);
            if (count < 1)
                throw new ArgumentException("--frames must be at least 1.");
            var image = AtariRom.Load(result.GetValue(rom)!.FullName);
            if (image.Note is not null)
                Console.Error.WriteLine($"jat: atari run: warning: {image.Note}");
            var list = result.GetValue(actions) is { } file ? HeadlessRun.ReadActions(file.FullName) : [];
            var machine = image.Boot();
            var digests = HeadlessRun.Run(machine, count, list);
            if (result.GetValue(render) is { } picture)
            {
                var rgb = new byte[Atari2600.ScreenWidth * Atari2600.ScreenHeight * 3];
                NtscPalette.ToRgb(machine.Screen, rgb);
                Picture.SavePng(new RgbImage(Atari2600.ScreenWidth, Atari2600.ScreenHeight, rgb), picture.FullName);
                Console.Error.WriteLine($"jat: saved {picture.FullName}");
            }
            if (result.GetValue(json))
            {
                Terminal.WriteJson(new { rom = image.Path, md5 = image.Md5, scheme = image.Scheme, game = image.Game?.Task, frames = digests });
                return Task.FromResult(0);
            }
            Terminal.Out.WriteLine($"{image.Path}: {image.Image.Length} bytes, md5 {image.Md5}, scheme {image.Scheme}" +
                (image.Game is { } game ? $", atari-{game.Task}" : ""));
            Terminal.Out.WriteLine("frame action screen   ram      cycles scanlines");
            foreach (var d in digests)
                Terminal.Out.WriteLine($"{d.Frame,5} {d.Action,6} {d.ScreenCrc32} {d.RamCrc32} {d.CpuCycles,6} {d.Scanlines,9}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
