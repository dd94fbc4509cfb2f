#!/usr/bin/python3
"""Self-checks of the PyTorch reference: /usr/bin/python3 -m unittest discover -s bench/python -p 'test_*.py'"""

import os
import struct
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import torch  # noqa: E402

import jat_torch  # noqa: E402
import safetensors_np  # noqa: E402


def tiny(**over):
    fields = dict(jat_torch.PRESETS["tiny"])
    fields.update(over)
    return jat_torch.JatModel(jat_torch.JatConfig(**fields)).init_weights(1).eval()


def mujoco_batch(b, l, seed=0):
    g = torch.Generator().manual_seed(seed)
    return {"continuous_observations": torch.randn(b, l, 11, generator=g),
            "continuous_actions": torch.rand(b, l, 3, generator=g) * 2 - 1,
            "rewards": torch.randn(b, l, generator=g),
            "attention_mask": torch.ones(b, l, dtype=torch.long)}


class SafetensorsTests(unittest.TestCase):
    def test_round_trip_keeps_values_and_dtypes(self):
        arrays = {"a": np.arange(6, dtype=np.float32).reshape(2, 3), "b": np.array([1, -2], dtype=np.int64),
                  "c": np.array([0.5, 2], dtype=np.float16), "d": np.array([1, 0], dtype=np.int8)}
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.safetensors")
            safetensors_np.write(path, arrays, {"format": "pt"})
            back, meta = safetensors_np.read(path)
        self.assertEqual(meta, {"format": "pt"})
        for k, v in arrays.items():
            self.assertEqual(back[k].dtype, v.dtype)
            np.testing.assert_array_equal(back[k], v)

    def test_bf16_reads_as_the_upper_half_of_float32(self):
        values = np.array([1.5, -2.25, 3.0 * 2.0 ** 30], dtype=np.float32)
        raw = (values.view(np.uint32) >> 16).astype("<u2").tobytes()
        header = b'{"w":{"dtype":"BF16","shape":[3],"data_offsets":[0,6]}}'
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.safetensors")
            with open(path, "wb") as f:
                f.write(struct.pack("<Q", len(header)) + header + raw)
            back, _ = safetensors_np.read(path)
        np.testing.assert_array_equal(back["w"], values)

    def test_truncated_file_names_the_tensor(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.safetensors")
            safetensors_np.write(path, {"big": np.zeros(100, dtype=np.float32)})
            with open(path, "r+b") as f:
                f.truncate(os.path.getsize(path) - 10)
            with self.assertRaisesRegex(ValueError, "'big'.*truncated"):
                safetensors_np.read(path)


class ModelTests(unittest.TestCase):
    def test_parameter_names_are_jat_project_names(self):
        names = set(dict(tiny().named_parameters()))
        for expected in ["transformer.wte.weight", "transformer.wpe.weight", "transformer.h.0.ln_1.weight",
                         "transformer.h.1.attn.attention.q_proj.weight", "transformer.h.1.attn.attention.out_proj.bias",
                         "transformer.h.0.mlp.c_fc.weight", "transformer.ln_f.bias", "vit_encoder.projection.weight",
                         "continuous_encoder.weight", "multi_discrete_encoder.1.weight",
                         "multi_discrete_encoder.4.bias", "image_encoder.module.conv1.weight",
                         "image_encoder.module.att1.fc.0.weight", "image_encoder.module.att3.fc.2.weight",
                         "image_encoder.module.fc.weight", "single_discrete_decoder.weight",
                         "continuous_decoder.bias", "multi_discrete_decoder.0.weight",
                         "multi_discrete_decoder.3.weight", "multi_discrete_decoder.5.weight",
                         "image_decoder.module.fc.weight", "image_decoder.module.deconv3.bias",
                         "image_decoder.module.att2.fc.2.weight"]:
            self.assertIn(expected, names)
        self.assertNotIn("transformer.h.0.attn.attention.q_proj.bias", names)
        self.assertNotIn("single_discrete_encoder.weight", names)
        self.assertNotIn("multi_discrete_encoder.0.weight", names)

    def test_small_config_has_193_million_parameters(self):
        config = jat_torch.JatConfig(**jat_torch.PRESETS["small"])
        model = jat_torch.JatModel(config)
        count = sum(p.numel() for p in model.parameters())
        self.assertEqual(round(count / 1e6), 193)

    def test_kv_cache_gives_the_full_forward_outputs(self):
        model = tiny()
        batch = mujoco_batch(1, 6)
        with torch.no_grad():
            full = model(batch, return_loss=False)["pred_actions"]
            first = {k: v[:, :4] for k, v in batch.items()}
            past = model(first, return_loss=False)["past"]
            rest = {k: v[:, 4:] for k, v in batch.items() if k != "attention_mask"}
            inc = model(rest, past=past, return_loss=False)["pred_actions"]
        torch.testing.assert_close(inc, full[:, 4:], rtol=1e-5, atol=1e-6)

    def test_local_layer_ignores_keys_outside_the_window(self):
        model = tiny(attention_types=[[["local"], 2]], window_size=4)
        batch = mujoco_batch(1, 8)
        changed = {k: v.clone() for k, v in batch.items()}
        changed["continuous_observations"][0, 0] += 5.0  # token 0; query token 14 sees tokens 11..14 only
        with torch.no_grad():
            a = model(batch, return_loss=False)["pred_actions"]
            b = model(changed, return_loss=False)["pred_actions"]
        torch.testing.assert_close(a[:, 7], b[:, 7])
        self.assertFalse(torch.allclose(a[:, 1], b[:, 1]))

    def test_padded_steps_do_not_change_real_steps_or_losses(self):
        model = tiny()
        batch = mujoco_batch(1, 6)
        padded = {k: torch.cat((v, v[:, :2]), dim=1) for k, v in batch.items()}
        padded["attention_mask"][:, 6:] = 0
        with torch.no_grad():
            a, b = model(batch), model(padded)
        torch.testing.assert_close(a["action_loss"], b["action_loss"])
        torch.testing.assert_close(a["observation_loss"], b["observation_loss"])

    def test_cyclic_expansion_repeats_the_vector(self):
        x = torch.tensor([[[1.0, 2.0, 3.0]]])
        self.assertEqual(jat_torch.cyclic_expand(x, 7).tolist(), [[[1, 2, 3, 1, 2, 3, 1]]])

    def test_ce_loss_is_mean_ce_times_mean_weight(self):
        logits = torch.randn(2, 3, 5)
        labels = torch.randint(0, 5, (2, 3))
        mask = torch.tensor([[1, 1, 1], [1, 0, 0]])
        weights = torch.tensor([[2.0, 2.0, 2.0], [4.0, 4.0, 4.0]])
        ce = torch.nn.functional.cross_entropy(logits[mask.bool()], labels[mask.bool()])
        expected = ce * (2 + 2 + 2 + 4) / 4
        torch.testing.assert_close(jat_torch.ce_loss(logits, labels, mask, weights), expected)

    def test_checkpoint_with_a_wrong_shape_names_the_tensor(self):
        model = tiny()
        with tempfile.TemporaryDirectory() as d:
            model.save(d)
            path = os.path.join(d, "model.safetensors")
            arrays, _ = safetensors_np.read(path)
            arrays["continuous_encoder.weight"] = arrays["continuous_encoder.weight"][:, :10]
            safetensors_np.write(path, arrays)
            with self.assertRaisesRegex(ValueError, "continuous_encoder.weight"):
                jat_torch.JatModel.from_folder(d)

    def test_saved_folder_reloads_to_the_same_loss(self):
        model = tiny()
        batch = mujoco_batch(2, 5)
        with tempfile.TemporaryDirectory() as d, torch.no_grad():
            model.save(d)
            again = jat_torch.JatModel.from_folder(d)
            self.assertEqual(float(model(batch)["loss"]), float(again(batch)["loss"]))


if __name__ == "__main__":
    unittest.main()
