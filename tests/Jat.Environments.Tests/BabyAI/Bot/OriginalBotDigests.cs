namespace Jat.Environments.Tests.BabyAI.Bot;

/// <summary>
/// What the original bot did on seeds 0–199 and 0–999 of each level, as SHA-256 digests of the UTF-8 lines
/// <c>"{seed} {outcome} {actions}\n"</c> in seed order (outcome: success, failed, truncated, stuck, crash or toolong;
/// actions: the digits of the actions taken). Produced once by running JAT's <c>data/envs/babyai/bot_agent.py</c> on
/// Minigrid 2.3.1, gymnasium 0.29.1 and numpy 1.24.2, a new environment per seed, <c>bot.replan()</c> once per step, as
/// JAT's collection did; "stuck" where its stack passed 1,000 subgoals inside one replan (it grows without end
/// there), "crash" where it raised, "toolong" past 1,000 steps. Of the 39,000 episodes: 38,486 succeeded, 512 stuck
/// (458 UnlockToUnlock, 32 GoToImpUnlock, 22 Unlock), 1 truncated (MiniBossLevel 526), 1 crash (MiniBossLevel 797).
/// </summary>
internal static class OriginalBotDigests
{
    public static IReadOnlyDictionary<string, (string First200, string First1000)> ByEnvId { get; } =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["BabyAI-ActionObjDoor-v0"] = ("26cd077bf0464aa2d00010fda24413d834c455de9d46f677e0f4ba3c5b91b2ac", "d4630a47aeeb0ffefed691e18a35dc1108e1ca22bcdc13fce7e6d373483131f8"),
        ["BabyAI-BlockedUnlockPickup-v0"] = ("96714e900e98f76465acd2fc7b2455e84bee4ec023f7f900b98bf84e9a4994eb", "b5e3b31cec29d1d7db26e2656fbf1e1b1c7501585429e31b92f27301cb55cffc"),
        ["BabyAI-BossLevel-v0"] = ("45efd7a8d124dc530da869267722dd4f981bc5cff818656900c5021e7870a795", "c187a3f33be8ab0da0973951ec8783dc11ff72012a150def000bd272842f4b96"),
        ["BabyAI-BossLevelNoUnlock-v0"] = ("3018ef6041100de81e1c85b99f392bba31c2842fdf203af1bdc4a05360ab2936", "ea821883f3d3570caaa831dc4bdea36b88a2bbb051cc3ee95cdf67bd2bfee7d5"),
        ["BabyAI-FindObjS5-v0"] = ("c9a6799a31950495b1e22a5e0aa981aa424c3447bc7088e7d84838cd949ea6c1", "970a572c932f2efa7a8f286fa2f8bb7810038589853a6e933e4ce404e1845387"),
        ["BabyAI-GoTo-v0"] = ("cfff6a931e9901dcd52abfceecd21dced0be2d24d53738c0a9a1f792f9753e66", "04f90c3292518cbb621dce757a9d56755889e1b91622ff1afd8467a114f8e829"),
        ["BabyAI-GoToDoor-v0"] = ("6742f413ffd4db0cd54a20ace31d97c6b6ac025ef6590303216de2263cc47f9f", "256f4f49aa59e960fbea9386fc060c7aa5a6745e673ab94e9abe449864ff8552"),
        ["BabyAI-GoToImpUnlock-v0"] = ("f9b0e1135472131a4d5f583373e0fea3a963073f58cd5641a8fcb21441ab43e1", "4fa6dcc884b44ac48dde8603b6635d4e7208725b0c64a4d21107c79b7f9c754b"),
        ["BabyAI-GoToLocal-v0"] = ("b845619ae746960f99acf72d180a2143af69b1997f5f49ab4e7ee3aae901759a", "77caace7c45f6779a788c985673e44931b4759166533231277dd27ab92fad492"),
        ["BabyAI-GoToObj-v0"] = ("0b06d3791c7b05c7230c95e412ee67792134b30652ac512d44c209af7d3d6c4f", "21da9b51545f00f10ce0362135618ab0c15ee0f002814bbd9ad414bdfe822767"),
        ["BabyAI-GoToObjDoor-v0"] = ("aff6b4c8700dd09c9726a24781494f245ab2b27917ae1e8088f7e83a34ffa6ce", "47bc5ffc1b388af2b39498363abb90743d573031486cdbeb11b721b4163e4154"),
        ["BabyAI-GoToRedBall-v0"] = ("bc7d9c7473aa7a2e186ae9b1fc3cd579ab5936f1ff0a074b6d002255a77ba701", "835a32b85016a0f0555d9af7c3b4f84595de33799accf9837cc28ccb57f6006a"),
        ["BabyAI-GoToRedBallGrey-v0"] = ("3815aaa59388bf713244d9f752b75387826b7ae761bebcc494094fac7080ef48", "6f8d6e3ecbcfc4b05b52e629e07fc39d12808b526661640c55ff94949427f20c"),
        ["BabyAI-GoToRedBallNoDists-v0"] = ("b2913ec13eadbad058c3e93e04e36bb55fed780947e6572c6156ed650ee9b999", "8bdd942caa421a4c251454c197f45f884516c5d8ab5e5853bab0f64084270f10"),
        ["BabyAI-GoToRedBlueBall-v0"] = ("2824050fd4a58ec5bf063041cc249e8fc8c461d2609bb00bd34c9d275c2a3d56", "af34ca43e02312fd75794b7c9c7f4b5fdaec385fedbcfcff60e84a62d135f774"),
        ["BabyAI-GoToSeq-v0"] = ("cbd5066be970b5d3cce8dadab7c514897cf06bdd22d20dab9ef19b91bac75d1f", "198956f84894744a7d485144d045789a30d3db38cbd9b144660abc6df073985f"),
        ["BabyAI-KeyCorridor-v0"] = ("ff845cb7cca4870240569a29cccfb7b012a76bf257558fe952ce82f114a4c37d", "8163744030014c90149d7f034769fffb5c49884d9271f24ee274a3082f1fc2ac"),
        ["BabyAI-MiniBossLevel-v0"] = ("f3e3b15bc13881be9affc1aefe49f08271503a967e35ef2f7bdc3b663009a007", "955cc481a91b645a0e62cad2fb1125b6b833dac7f93ce20530c2aeae6088d25f"),
        ["BabyAI-MoveTwoAcrossS8N9-v0"] = ("cf58f850114b125261832c145ae3404f2781db8be4bec7e1ef1ebeab587c2a75", "90804100707b1774eaf33cacf47b4ab998c77bf68dca19db647c179f58348e4b"),
        ["BabyAI-OneRoomS8-v0"] = ("59acf7feb535bd88e77554fef68a397d6d778b8a845c469b44ff4b5608f5e229", "cea7ffefd83a5b5e050e9d3a46d2db2b03bfebb8c54317ca6e526b291fa78386"),
        ["BabyAI-Open-v0"] = ("e1e96688ff4add22748fa19e4bbbd609be16032064432cdf7b0e0a83bf1a6164", "20e6612d15966a5b931ccff56086fa6236d52bd9bc0899932ec7e17403cb753e"),
        ["BabyAI-OpenDoor-v0"] = ("6a6e035d407ed9e20ab3d39aea6e9a4a4cdb7ab5668401ff70a35acbe2e39abe", "a45c47c549ad9523ff63c60db9be9c50946c491719e2cf6b0b5847257bce45a0"),
        ["BabyAI-OpenDoorsOrderN4-v0"] = ("5292ad4552a7ff450756d9c93a78e41ca9e4dd0d63ed8d240bc293bea7b4ece4", "77f87dd556a02b285c618049b83adfc41b237dd264799e678b6d84f4a646f874"),
        ["BabyAI-OpenRedDoor-v0"] = ("6a43779ac4a0bde30d08ce79c0db3ddb50d1409aaa0b66304da974631b33158d", "81dbac6069ddfec5083a34a800371cb0336d6865212cbe53064bebf60d1c5a5d"),
        ["BabyAI-OpenTwoDoors-v0"] = ("1e363698de83151e5152910b8dd0fd92c7db7cbcf4e72b8f3e196b1af7c77721", "4b1460203ebaf3fc5c0dfa050bc7be484c97c0311d511e56763296a3b30a2a62"),
        ["BabyAI-Pickup-v0"] = ("ada3f8a04f2cdd77b1c1e0dc892ebd7807e3a4730986f4d6c753778e6f9819a6", "2699a72e30b8243a7115ab186e7423032d15582eafe5604f27355b51f62792bf"),
        ["BabyAI-PickupAbove-v0"] = ("c78e85aca077e682c1cd06c4cdd2b3931ece0860ef2300d81adce87e38d4819c", "c7d3809a85725e3c788f34ab9632368a8d2748034bc564cf7072531b0d924e07"),
        ["BabyAI-PickupDist-v0"] = ("3756bdf481a3948cfbf120a2d8f4c0384aeb9a8a63b4a312d36c0f6afee155f3", "7171a9c3bbcb744b8283b24654c2d1ca48b120b215ee3f04c379ec9a47937ccd"),
        ["BabyAI-PickupLoc-v0"] = ("52e96ee7492695eb8a84119f48604af570c585a962f652219e1ab95942fef042", "9c9149c2dde275c114491184281dcefb2b01ded068cb65ed27e353e6285e5155"),
        ["BabyAI-PutNextLocal-v0"] = ("b4944d144b69fe80a634cf22460e2ed4f9e549643b2c07cad5bf1c5a3bd2fea6", "0a1b1f18a4d8f35f0622d6b63baf7832ecafedb9b7796d6320e6b492e68c5816"),
        ["BabyAI-PutNextS7N4-v0"] = ("b31fb2d21f1152b73209c887af526181983bc8d4540e6dfb8eb2d655eb5cdf2a", "c142c072741126afc0c03e436c22be7729b503f3602ab23c6e386c03622de89f"),
        ["BabyAI-Synth-v0"] = ("0cd623f84b9bb69436518c7264c743f00e404d6e54640b1d2f03567facc13ccc", "eb28bb96664dc7181b2125404758fc3a8ea162ee331b3f203b4d4814d4686427"),
        ["BabyAI-SynthLoc-v0"] = ("772fa9ccd763265949624786527f6116d949896255f61b9dc4c1f92e6789dfe1", "fe274906dfd895b82807544c9f85acb211056b0c8ff709cc4a9c1e2183c09a17"),
        ["BabyAI-SynthSeq-v0"] = ("afdf1a5f702102ea214317421c5d418c40ec3f49985f6473741688f2fe0faf7d", "56ba9f3aa4a6aea4e8d32e250499d25efd1ae641da8babc1e4e908f44f3898ad"),
        ["BabyAI-UnblockPickup-v0"] = ("3bd76591164cc824f02c7610f997c51a9665ce61e13b3d6a71c3510f9991510b", "d1d92122efd1d3348fb9ac1c1ed37fab1d5c78c51cee98d34c7e466bb4dcc2e9"),
        ["BabyAI-Unlock-v0"] = ("83c1d280daaecc12702df85ddcb9f4bb0202f70ee314e85522c99757c0505418", "dd4c31ee9c8e93e6281af3640ea04df4c5da50b9b18f557c6076bcea3abeffec"),
        ["BabyAI-UnlockLocal-v0"] = ("6a49a7057750c749f1e5507baeaa43463771ee4dc8b5918ec2fd0e3ddd807d7f", "78fb377ca435ea094bd002d1375cbdb2c43bb732a681d6fa6cb18c38dfc46168"),
        ["BabyAI-UnlockPickup-v0"] = ("dc689bb3a293d30d2853ab9be34f5eef8b79305adda1379eac77d062b3fa81cd", "fa860c3efaf5d2312b0cb778b3d34af29cdfbc66d717a0a507727c820b23a54a"),
        ["BabyAI-UnlockToUnlock-v0"] = ("58ae79945886c4545c828dea2927bdb62d47025f13a448f413bef491a62c7bad", "7353b7d47b4675d9a7213aa5a063d7edf07530209bf7407cbcaf7306d43aeb8f"),
    };
}
