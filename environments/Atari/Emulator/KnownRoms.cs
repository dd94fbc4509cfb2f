namespace Jat.Environments.Atari.Emulator;

/// <summary>One of the 57 cartridges of JAT's Atari tasks as ALE identifies it: task name (atari-&lt;task&gt;), ALE's ROM file
/// name, md5 of the image and its bank-switching scheme (atari-games.md §2.2).</summary>
public sealed record KnownRom(string Task, string FileName, string Md5, string Scheme);

/// <summary>
/// ALE recognises a ROM by md5 (or, with a warning, by file name). The images are copyrighted and never shipped: the
/// user supplies them (ALE/AutoROM name them as <see cref="KnownRom.FileName"/>), and <see cref="MissingMessage"/>
/// says in one line what is missing and how to get it.
/// </summary>
public static class KnownRoms
{
    public static IReadOnlyList<KnownRom> All { get; } =
    [
        new("alien", "alien.bin", "f1a0a23e6464d954e3a9579c4ccd01c8", "4K"),
        new("amidar", "amidar.bin", "acb7750b4d0c4bd34969802a7deb2990", "4K"),
        new("assault", "assault.bin", "de78b3a064d374390ac0710f95edde92", "4K"),
        new("asterix", "asterix.bin", "89a68746eff7f266bbf08de2483abe55", "F8"),
        new("asteroids", "asteroids.bin", "ccbd36746ed4525821a8083b0d6d2c2c", "F8"),
        new("atlantis", "atlantis.bin", "9ad36e699ef6f45d9eb6c4cf90475c9f", "4K"),
        new("bankheist", "bank_heist.bin", "00ce0bdd43aed84a983bef38fe7f5ee3", "4K"),
        new("battlezone", "battle_zone.bin", "41f252a66c6301f1e8ab3612c19bc5d4", "F8"),
        new("beamrider", "beam_rider.bin", "79ab4123a83dc11d468fb2108ea09e2e", "F8"),
        new("berzerk", "berzerk.bin", "136f75c4dd02c29283752b7e5799f978", "4K"),
        new("bowling", "bowling.bin", "c9b7afad3bfd922e006a6bfc1d4f3fe7", "2K"),
        new("boxing", "boxing.bin", "c3ef5c4653212088eda54dc91d787870", "2K"),
        new("breakout", "breakout.bin", "f34f08e5eb96e500e851a80be3277a56", "2K"),
        new("centipede", "centipede.bin", "91c2098e88a6b13f977af8c003e0bca5", "F8"),
        new("choppercommand", "chopper_command.bin", "c1cb228470a87beb5f36e90ac745da26", "4K"),
        new("crazyclimber", "crazy_climber.bin", "55ef7b65066428367844342ed59f956c", "F8"),
        new("defender", "defender.bin", "0f643c34e40e3f1daafd9c524d3ffe64", "4K"),
        new("demonattack", "demon_attack.bin", "f0e0addc07971561ab80d9abe1b8d333", "4K"),
        new("doubledunk", "double_dunk.bin", "368d88a6c071caba60b4f778615aae94", "F6"),
        new("enduro", "enduro.bin", "94b92a882f6dbaa6993a46e2dcc58402", "4K"),
        new("fishingderby", "fishing_derby.bin", "b8865f05676e64f3bec72b9defdacfa7", "2K"),
        new("freeway", "freeway.bin", "8e0ab801b1705a740b476b7f588c6d16", "2K"),
        new("frostbite", "frostbite.bin", "4ca73eb959299471788f0b685c3ba0b5", "4K"),
        new("gopher", "gopher.bin", "c16c79aad6272baffb8aae9a7fff0864", "4K"),
        new("gravitar", "gravitar.bin", "8ac18076d01a6b63acf6e2cab4968940", "F8"),
        new("hero", "hero.bin", "fca4a5be1251927027f2c24774a02160", "F8"),
        new("icehockey", "ice_hockey.bin", "a4c08c4994eb9d24fb78be1793e82e26", "4K"),
        new("jamesbond", "jamesbond.bin", "e51030251e440cffaab1ac63438b44ae", "E0"),
        new("kangaroo", "kangaroo.bin", "4326edb70ff20d0ee5ba58fa5cb09d60", "F8"),
        new("krull", "krull.bin", "4baada22435320d185c95b7dd2bcdb24", "F8"),
        new("kungfumaster", "kung_fu_master.bin", "5b92a93b23523ff16e2789b820e2a4c5", "F8"),
        new("montezumarevenge", "montezuma_revenge.bin", "3347a6dd59049b15a38394aa2dafa585", "E0"),
        new("mspacman", "ms_pacman.bin", "87e79cd41ce136fd4f72cc6e2c161bee", "F8"),
        new("namethisgame", "name_this_game.bin", "36306070f0c90a72461551a7a4f3a209", "4K"),
        new("phoenix", "phoenix.bin", "7e52a95074a66640fcfde124fffd491a", "F8"),
        new("pitfall", "pitfall.bin", "3e90cf23106f2e08b2781e41299de556", "4K"),
        new("pong", "pong.bin", "60e0ea3cbe0913d39803477945e9e5ec", "2K"),
        new("privateeye", "private_eye.bin", "ef3a4f64b6494ba770862768caf04b86", "F8"),
        new("qbert", "qbert.bin", "484b0076816a104875e00467d431c2d2", "4K"),
        new("riverraid", "riverraid.bin", "393948436d1f4cc3192410bb918f9724", "4K"),
        new("roadrunner", "road_runner.bin", "ce5cc62608be2cd3ed8abd844efb8919", "F6"),
        new("robotank", "robotank.bin", "4f618c2429138e0280969193ed6c107e", "FE"),
        new("seaquest", "seaquest.bin", "240bfbac5163af4df5ae713985386f92", "4K"),
        new("skiing", "skiing.bin", "b76fbadc8ffb1f83e2ca08b6fb4d6c9f", "2K"),
        new("solaris", "solaris.bin", "e72eb8d4410152bdcb69e7fba327b420", "F6"),
        new("spaceinvaders", "space_invaders.bin", "72ffbef6504b75e69ee1045af9075f66", "4K"),
        new("stargunner", "star_gunner.bin", "a3c1c70024d7aabb41381adbfb6d3b25", "4K"),
        new("surround", "surround.bin", "4d7517ae69f95cfbc053be01312b7dba", "2K"),
        new("tennis", "tennis.bin", "42cdd6a9e42a3639e190722b8ea3fc51", "2K"),
        new("timepilot", "time_pilot.bin", "fc2104dd2dadf9a6176c1c1c8f87ced9", "F8"),
        new("tutankham", "tutankham.bin", "085322bae40d904f53bdcc56df0593fc", "E0"),
        new("upndown", "up_n_down.bin", "a499d720e7ee35c62424de882a3351b6", "F8"),
        new("venture", "venture.bin", "3e899eba0ca8cd2972da1ae5479b4f0d", "4K"),
        new("videopinball", "video_pinball.bin", "107cc025334211e6d29da0b6be46aec7", "4K"),
        new("wizardofwor", "wizard_of_wor.bin", "7e8aa18bc9502eb57daaf5e7c1e94da7", "4K"),
        new("yarsrevenge", "yars_revenge.bin", "c5930d0e8cdae3e037349bfa08e871be", "4K"),
        new("zaxxon", "zaxxon.bin", "eea0da9b987d661264cce69a7c13c3bd", "F8"),
    ];

    private static readonly Dictionary<string, KnownRom> ByMd5 = All.ToDictionary(r => r.Md5);
    private static readonly Dictionary<string, KnownRom> ByTask = All.ToDictionary(r => r.Task);
    private static readonly Dictionary<string, KnownRom> ByFileName = All.ToDictionary(r => r.FileName);

    public static KnownRom? FromMd5(string md5) => ByMd5.GetValueOrDefault(md5.ToLowerInvariant());

    /// <summary>The game of an <c>atari-&lt;task&gt;</c> name (with or without the prefix).</summary>
    public static KnownRom? FromTask(string task) =>
        ByTask.GetValueOrDefault(task.StartsWith("atari-", StringComparison.Ordinal) ? task["atari-".Length..] : task);

    /// <summary>The game whose ALE file name this path has (lower-case stem + .bin), as ALE's name match does.</summary>
    public static KnownRom? FromFileName(string path) =>
        ByFileName.GetValueOrDefault(System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant() + ".bin");

    /// <summary>The one-line error for a game whose ROM is not in <paramref name="folder"/>.</summary>
    public static string MissingMessage(KnownRom game, string folder) =>
        $"atari-{game.Task}: no ROM {System.IO.Path.Combine(folder, game.FileName)} (md5 {game.Md5}); Atari ROMs are not shipped: " +
        $"install your own copy there (e.g. `pip install autorom && AutoROM --accept-license --install-dir {folder}`, which writes ALE's {game.FileName})";
}
