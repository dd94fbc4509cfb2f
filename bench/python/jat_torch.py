"""An independent plain-PyTorch implementation of JAT (jat-project/jat): GPT-Neo as transformers 4.36 computes it,
JAT's encoders and decoders, the RL interleaving, the losses and get_next_action's KV cache.

Written from the facts in ../shared/reference/jat-reference.md section 5; no transformers library is used. Module
names equal the state-dict names of jat-project/jat's model.safetensors, so a checkpoint loads with no conversion.
Everything runs in float32.
"""

import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

import safetensors_np

MASK_MIN = torch.finfo(torch.float32).min


class JatConfig:
    """The fields of an HF JatConfig that the network needs, with JatConfig's defaults."""

    def __init__(self, **fields):
        self.vocab_size = fields.get("vocab_size", 50257)
        self.max_position_embeddings = fields.get("max_position_embeddings", 2048)
        self.hidden_size = fields.get("hidden_size", 2048)
        self.num_layers = fields.get("num_layers", 24)
        self.num_heads = fields.get("num_heads", 16)
        self.intermediate_size = fields.get("intermediate_size") or 4 * self.hidden_size
        self.window_size = fields.get("window_size", 256)
        self.layer_norm_epsilon = fields.get("layer_norm_epsilon", 1e-5)
        self.initializer_range = fields.get("initializer_range", 0.02)
        self.max_continuous_size = fields.get("max_continuous_size", 377)
        self.max_discrete_value = fields.get("max_discrete_value", 18)
        self.image_size = fields.get("image_size", 224)
        self.num_channels = fields.get("num_channels", 3)
        self.patch_size = fields.get("patch_size", 16)
        self.observation_loss_coef = fields.get("observation_loss_coef", 0.005)
        self.action_loss_coef = fields.get("action_loss_coef", 0.995)
        activation = fields.get("activation_function", "gelu_new")
        if activation != "gelu_new":
            raise ValueError(f"config: activation_function '{activation}' is not JAT's gelu_new")
        self.attention_types = fields.get("attention_types", [[["global", "local"], self.num_layers // 2]])
        layers = fields.get("attention_layers")
        if layers is None:
            layers = [kind for kinds, repeat in self.attention_types for _ in range(repeat) for kind in kinds]
        if len(layers) != self.num_layers:
            raise ValueError(
                f"config: attention layers list {len(layers)} entries but num_layers is {self.num_layers}")
        for kind in layers:
            if kind not in ("global", "local"):
                raise ValueError(f"config: attention type '{kind}' is neither 'global' nor 'local'")
        self.attention_layers = layers
        if self.hidden_size % self.num_heads:
            raise ValueError(f"config: hidden_size {self.hidden_size} is not divisible by num_heads {self.num_heads}")

    @staticmethod
    def load(path):
        if os.path.isdir(path):
            path = os.path.join(path, "config.json")
        with open(path, encoding="utf-8") as f:
            return JatConfig(**json.load(f))

    def to_json(self):
        return {
            "model_type": "jat", "architectures": ["JatModel"],
            "vocab_size": self.vocab_size, "max_position_embeddings": self.max_position_embeddings,
            "hidden_size": self.hidden_size, "num_layers": self.num_layers, "num_heads": self.num_heads,
            "intermediate_size": None if self.intermediate_size == 4 * self.hidden_size else self.intermediate_size,
            "attention_types": self.attention_types, "attention_layers": self.attention_layers,
            "window_size": self.window_size, "activation_function": "gelu_new",
            "layer_norm_epsilon": self.layer_norm_epsilon, "initializer_range": self.initializer_range,
            "resid_dropout": 0.0, "embed_dropout": 0.0, "attention_dropout": 0.0,
            "max_continuous_size": self.max_continuous_size, "max_discrete_value": self.max_discrete_value,
            "image_size": self.image_size, "num_channels": self.num_channels, "patch_size": self.patch_size,
            "observation_loss_coef": self.observation_loss_coef, "action_loss_coef": self.action_loss_coef,
            "bos_token_id": 50256, "eos_token_id": 50256,
        }


PRESETS = {
    # The released jat-project/jat.
    "small": dict(hidden_size=768, num_layers=12, num_heads=12, attention_types=[[["global", "local"], 6]],
                  window_size=256, max_position_embeddings=512, vocab_size=50257, max_continuous_size=377,
                  max_discrete_value=212),
    # For tests: random weights that run in a second.
    "tiny": dict(hidden_size=64, num_layers=2, num_heads=4, attention_types=[[["global", "local"], 1]],
                 window_size=256, max_position_embeddings=512, vocab_size=50257, max_continuous_size=377,
                 max_discrete_value=212),
}


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class SelfAttention(nn.Module):
    def __init__(self, config, kind):
        super().__init__()
        self.num_heads = config.num_heads
        self.head_dim = config.hidden_size // config.num_heads
        self.window = config.window_size if kind == "local" else None
        h = config.hidden_size
        self.k_proj = nn.Linear(h, h, bias=False)
        self.v_proj = nn.Linear(h, h, bias=False)
        self.q_proj = nn.Linear(h, h, bias=False)
        self.out_proj = nn.Linear(h, h, bias=True)

    def _heads(self, x):
        b, t, _ = x.shape
        return x.view(b, t, self.num_heads, self.head_dim).permute(0, 2, 1, 3)

    def forward(self, x, mask4d, past):
        q, k, v = self._heads(self.q_proj(x)), self._heads(self.k_proj(x)), self._heads(self.v_proj(x))
        if past is not None:
            k = torch.cat((past[0], k), dim=-2)
            v = torch.cat((past[1], v), dim=-2)
        present = (k, v)
        # GPT-Neo: no 1/sqrt(d) scaling; the layer's own mask first (where), then the model's additive mask.
        w = torch.matmul(q.float(), k.float().transpose(-1, -2))
        q_len, k_len = q.shape[-2], k.shape[-2]
        i = torch.arange(k_len - q_len, k_len, device=x.device).view(-1, 1)
        j = torch.arange(k_len, device=x.device).view(1, -1)
        visible = j <= i
        if self.window is not None:
            visible = visible & (j > i - self.window)
        w = torch.where(visible, w, torch.tensor(MASK_MIN, dtype=w.dtype, device=w.device))
        w = w + mask4d
        w = torch.softmax(w, dim=-1).to(v.dtype)
        out = torch.matmul(w, v).permute(0, 2, 1, 3).reshape(x.shape[0], q_len, -1)
        return self.out_proj(out), present


class AttentionWrapper(nn.Module):
    """GPT-Neo's attn.attention nesting, kept so that the parameter names match."""

    def __init__(self, config, kind):
        super().__init__()
        self.attention = SelfAttention(config, kind)

    def forward(self, x, mask4d, past):
        return self.attention(x, mask4d, past)


class Mlp(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.c_fc = nn.Linear(config.hidden_size, config.intermediate_size)
        self.c_proj = nn.Linear(config.intermediate_size, config.hidden_size)

    def forward(self, x):
        return self.c_proj(gelu_new(self.c_fc(x)))


class Block(nn.Module):
    def __init__(self, config, kind):
        super().__init__()
        self.ln_1 = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_epsilon)
        self.attn = AttentionWrapper(config, kind)
        self.ln_2 = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_epsilon)
        self.mlp = Mlp(config)

    def forward(self, x, mask4d, past):
        a, present = self.attn(self.ln_1(x), mask4d, past)
        x = x + a
        x = x + self.mlp(self.ln_2(x))
        return x, present


class GptNeo(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.wte = nn.Embedding(config.vocab_size, config.hidden_size)
        self.wpe = nn.Embedding(config.max_position_embeddings, config.hidden_size)
        self.h = nn.ModuleList(Block(config, kind) for kind in config.attention_layers)
        self.ln_f = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_epsilon)

    def forward(self, embeds, attention_mask=None, past=None):
        b, t, _ = embeds.shape
        past_len = 0 if past is None else past[0][0].shape[-2]
        k_len = past_len + t
        if k_len > self.wpe.num_embeddings:
            raise ValueError(
                f"sequence of {k_len} positions (past {past_len} + {t}) exceeds max_position_embeddings "
                f"{self.wpe.num_embeddings}")
        positions = torch.arange(past_len, k_len, device=embeds.device)
        x = embeds + self.wpe(positions).unsqueeze(0)
        # transformers' 4-D mask: 0 where causal and not padding, finfo.min elsewhere (a fill, never a sum).
        i = torch.arange(past_len, k_len, device=embeds.device).view(-1, 1)
        j = torch.arange(k_len, device=embeds.device).view(1, -1)
        allowed = (j <= i).view(1, 1, t, k_len)
        if attention_mask is not None:
            if attention_mask.shape[-1] != k_len:
                raise ValueError(f"attention_mask covers {attention_mask.shape[-1]} positions, expected {k_len}")
            allowed = allowed & attention_mask.bool().view(b, 1, 1, k_len)
        mask4d = torch.zeros(allowed.shape, dtype=torch.float32, device=embeds.device).masked_fill(~allowed, MASK_MIN)
        presents = []
        for n, block in enumerate(self.h):
            x, present = block(x, mask4d, None if past is None else past[n])
            presents.append(present)
        return self.ln_f(x), tuple(presents)


class AttentionLayer(nn.Module):
    """Squeeze-excitation: channel weights from the global average."""

    def __init__(self, channels):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(channels, channels // 8, bias=False), nn.ReLU(),
                                nn.Linear(channels // 8, channels, bias=False), nn.Sigmoid())

    def forward(self, x):
        y = self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))
        return x * y[:, :, None, None]


class ImageEncoder(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.conv1 = nn.Conv2d(4, 32, 3, stride=2, padding=1)
        self.att1 = AttentionLayer(32)
        self.conv2 = nn.Conv2d(32, 64, 3, stride=2, padding=1)
        self.att2 = AttentionLayer(64)
        self.conv3 = nn.Conv2d(64, 128, 3, stride=2, padding=1)
        self.att3 = AttentionLayer(128)
        self.fc = nn.Linear(128 * 11 * 11, hidden)

    def forward(self, x):
        x = self.att1(F.leaky_relu(F.instance_norm(self.conv1(x), eps=1e-5)))
        x = self.att2(F.leaky_relu(F.instance_norm(self.conv2(x), eps=1e-5)))
        x = self.att3(F.leaky_relu(F.instance_norm(self.conv3(x), eps=1e-5)))
        return self.fc(x.flatten(1))


class ImageDecoder(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.fc = nn.Linear(hidden, 128 * 11 * 11)
        self.deconv1 = nn.ConvTranspose2d(128, 64, 3, stride=2, padding=1, output_padding=1)
        self.att1 = AttentionLayer(64)
        self.deconv2 = nn.ConvTranspose2d(64, 32, 3, stride=2, padding=1, output_padding=1)
        self.att2 = AttentionLayer(32)
        self.deconv3 = nn.ConvTranspose2d(32, 4, 3, stride=2, padding=1, output_padding=1)

    def forward(self, x):
        x = self.fc(x).view(x.shape[0], 128, 11, 11)
        x = F.leaky_relu(F.instance_norm(self.deconv1(x), eps=1e-5))
        x = self.att1(F.interpolate(x, size=(21, 21)))  # nearest, 22x22 -> 21x21
        x = self.att2(F.leaky_relu(F.instance_norm(self.deconv2(x), eps=1e-5)))
        return torch.tanh(self.deconv3(x))


class PerTimestep(nn.Module):
    """Applies an image module to (B, L, ...) by folding L into the batch; named `module` as in JAT."""

    def __init__(self, module):
        super().__init__()
        self.module = module

    def forward(self, x):
        b, l = x.shape[:2]
        y = self.module(x.reshape(b * l, *x.shape[2:]))
        return y.view(b, l, *y.shape[1:])


class VitPatches(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.image_size = config.image_size
        self.projection = nn.Conv2d(config.num_channels, config.hidden_size, config.patch_size,
                                    stride=config.patch_size)

    def forward(self, pixels):
        if pixels.shape[-2:] != (self.image_size, self.image_size):
            raise ValueError(f"pixel_values are {tuple(pixels.shape[-2:])}, expected {self.image_size}x{self.image_size}")
        return self.projection(pixels).flatten(2).transpose(1, 2)


def cyclic_expand(x, size):
    if x.shape[-1] > size:
        raise ValueError(f"a vector of {x.shape[-1]} values does not fit max_continuous_size {size}")
    return x[..., torch.arange(size, device=x.device) % x.shape[-1]]


def mse_loss(pred, true, mask, weights):
    loss = F.mse_loss(pred, true, reduction="none")
    while loss.dim() > 2:
        loss = loss.mean(dim=-1)
    if mask is not None:
        loss = loss * mask
    if weights is not None:
        loss = loss * weights
    return loss.sum() / mask.sum() if mask is not None else loss.mean()


def ce_loss(logits, labels, mask, weights):
    # As compute_ce_loss: CE averaged over the valid positions first, then weighted and averaged again.
    if mask is None:
        mask = torch.ones(labels.shape[:2], dtype=torch.bool, device=labels.device)
    keep = mask.bool()
    logits, labels = logits[keep], labels[keep]
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), reduction="none")
    loss = loss.view(labels.shape).mean(-1)
    if weights is not None:
        loss = loss * weights[keep]
    return loss.mean()


class JatModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        h = config.hidden_size
        self.transformer = GptNeo(config)
        self.vit_encoder = VitPatches(config)
        self.single_discrete_encoder = self.transformer.wte
        self.continuous_encoder = nn.Linear(config.max_continuous_size, h)
        self.multi_discrete_encoder = nn.Sequential(
            self.transformer.wte, nn.Linear(h, h // 50), nn.ReLU(), nn.Flatten(start_dim=2),
            nn.Linear(config.max_discrete_value * (h // 50), h - 1))
        self.image_encoder = PerTimestep(ImageEncoder(h))
        self.single_discrete_decoder = nn.Linear(h, config.vocab_size, bias=False)
        self.continuous_decoder = nn.Linear(h, config.max_continuous_size)
        self.multi_discrete_decoder = nn.Sequential(
            nn.Linear(h, config.max_discrete_value * (h // 50)),
            nn.Unflatten(dim=2, unflattened_size=(config.max_discrete_value, h // 50)), nn.ReLU(),
            nn.Linear(h // 50, h), nn.ReLU(), nn.Linear(h, 8, bias=False))
        self.image_decoder = PerTimestep(ImageDecoder(h))

    # ---- weights -------------------------------------------------------------------------------------------------
    def init_weights(self, seed):
        """JAT's _init_weights: Linear and Embedding N(0, initializer_range), biases 0, LayerNorm (1, 0); convs
        keep PyTorch's defaults."""
        torch.manual_seed(seed)
        std = self.config.initializer_range
        for module in self.modules():
            if isinstance(module, nn.Linear):
                nn.init.normal_(module.weight, 0.0, std)
                if module.bias is not None:
                    nn.init.zeros_(module.bias)
            elif isinstance(module, nn.Embedding):
                nn.init.normal_(module.weight, 0.0, std)
            elif isinstance(module, nn.LayerNorm):
                nn.init.ones_(module.weight)
                nn.init.zeros_(module.bias)
        return self

    def state_arrays(self):
        """The tensors as jat-project/jat's model.safetensors names them (shared wte saved once)."""
        return {name: p.detach().cpu().numpy() for name, p in self.named_parameters()}

    def save(self, folder):
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "config.json"), "w", encoding="utf-8") as f:
            json.dump(self.config.to_json(), f, indent=2)
        safetensors_np.write(os.path.join(folder, "model.safetensors"), self.state_arrays(), {"format": "pt"})

    def load_weights(self, path):
        arrays, _ = safetensors_np.read(path)
        # Aliases of transformer.wte and GPT-Neo's mask buffers may appear in files other writers made.
        ignored = ("single_discrete_encoder.weight", "multi_discrete_encoder.0.weight")
        params = dict(self.named_parameters())
        for name in arrays:
            if name not in params and name not in ignored and not name.endswith(("attn.attention.bias",
                                                                                 "attn.attention.masked_bias")):
                raise ValueError(f"{path}: tensor '{name}' is not part of JAT with this config")
        with torch.no_grad():
            for name, p in params.items():
                if name not in arrays:
                    raise ValueError(f"{path}: tensor '{name}' is missing")
                a = arrays[name]
                if tuple(a.shape) != tuple(p.shape):
                    raise ValueError(f"{path}: tensor '{name}' has shape {list(a.shape)}, the config needs "
                                     f"{list(p.shape)}")
                p.copy_(torch.from_numpy(np.asarray(a, dtype=np.float32)))
        return self

    @staticmethod
    def from_folder(folder):
        model = JatModel(JatConfig.load(folder))
        model.load_weights(os.path.join(folder, "model.safetensors"))
        return model.eval()

    # ---- forward -------------------------------------------------------------------------------------------------
    def embed_rl(self, batch):
        c = self.config
        rewards = batch["rewards"]
        if "continuous_observations" in batch:
            obs = torch.cat((batch["continuous_observations"], rewards.unsqueeze(-1)), dim=-1)
            obs = self.continuous_encoder(cyclic_expand(obs, c.max_continuous_size))
        elif "discrete_observations" in batch:
            ids = batch["discrete_observations"]
            if ids.shape[-1] != c.max_discrete_value:
                raise ValueError(f"discrete_observations have {ids.shape[-1]} values per step, the model embeds "
                                 f"exactly max_discrete_value = {c.max_discrete_value}")
            obs = torch.cat((self.multi_discrete_encoder(ids), rewards.unsqueeze(-1)), dim=-1)
        elif "image_observations" in batch:
            obs = self.image_encoder(batch["image_observations"])
        else:
            raise ValueError("batch has no continuous_observations, discrete_observations or image_observations")
        if "continuous_actions" in batch:
            act = self.continuous_encoder(cyclic_expand(batch["continuous_actions"], c.max_continuous_size))
        elif "discrete_actions" in batch:
            act = self.transformer.wte(batch["discrete_actions"])
        else:
            raise ValueError("batch has no continuous_actions or discrete_actions")
        b, l = obs.shape[:2]
        embeds = torch.cat((obs, act), dim=2).view(b, 2 * l, c.hidden_size)
        mask = batch.get("attention_mask")
        if mask is not None:
            mask = torch.repeat_interleave(mask, 2, dim=1)
        return embeds, mask

    def forward(self, batch, past=None, return_loss=True):
        """batch: dict of tensors named as JatProcessor's outputs. Returns a dict with loss, observation_loss,
        action_loss (RL), pred_actions, pred_observations or logits, and past (the KV cache)."""
        if "input_ids" in batch or "pixel_values" in batch:
            return self._forward_text(batch, past, return_loss)
        return self._forward_rl(batch, past, return_loss)

    def _forward_text(self, batch, past, return_loss):
        ids, pixels, mask = batch.get("input_ids"), batch.get("pixel_values"), batch.get("attention_mask")
        parts = []
        if pixels is not None:
            parts.append(self.vit_encoder(pixels))
        if ids is not None:
            parts.append(self.transformer.wte(ids))
        if pixels is not None and ids is not None:
            if mask is None:
                mask = torch.ones(ids.shape, dtype=torch.bool, device=ids.device)
            mask = torch.cat((torch.ones(parts[0].shape[:2], dtype=torch.bool, device=ids.device), mask.bool()), 1)
        hidden, presents = self.transformer(torch.cat(parts, dim=1), mask, past)
        logits = self.single_discrete_decoder(hidden)
        out = {"logits": logits, "past": presents}
        if return_loss:
            if ids is None:
                raise ValueError("a loss needs input_ids (image-only batches have no text to score)")
            n = ids.shape[1]
            shift_logits, shift_labels = logits[:, -n:-1, :], ids[:, 1:]
            keep = (mask[:, -n:][:, 1:] if mask is not None else torch.ones_like(shift_labels)).bool()
            out["loss"] = F.cross_entropy(shift_logits[keep], shift_labels[keep])
        return out

    def _forward_rl(self, batch, past, return_loss):
        c = self.config
        embeds, mask = self.embed_rl(batch)
        hidden, presents = self.transformer(embeds, mask, past)
        steps_mask = mask[:, ::2] if mask is not None else None
        weights = batch.get("loss_weight")
        rewards = batch["rewards"]
        out = {"past": presents, "pred_observations": None}
        obs_loss = torch.zeros((), device=embeds.device)
        if c.observation_loss_coef == 0.0:
            pass  # JAT skips observation prediction then and reports 0
        elif "continuous_observations" in batch:
            obs = batch["continuous_observations"]
            target = cyclic_expand(torch.cat((obs, rewards.unsqueeze(-1)), dim=-1), c.max_continuous_size)
            pred = self.continuous_decoder(hidden[:, 1::2])
            if return_loss:
                obs_loss = mse_loss(pred[:, :-1], target[:, 1:],
                                    steps_mask[:, 1:] if steps_mask is not None else None,
                                    weights[:, 1:] if weights is not None else None)
            out["pred_observations"] = pred[..., :obs.shape[-1]]
        elif "image_observations" in batch:
            pred = self.image_decoder(hidden[:, 1::2])
            if return_loss:
                obs_loss = mse_loss(pred[:, :-1], batch["image_observations"][:, 1:],
                                    steps_mask[:, 1:] if steps_mask is not None else None,
                                    weights[:, 1:] if weights is not None else None)
            out["pred_observations"] = pred
        # discrete (BabyAI) observations are not predicted by JAT: loss 0.
        if "continuous_actions" in batch:
            act = batch["continuous_actions"]
            pred = self.continuous_decoder(hidden[:, ::2])
            if return_loss:
                act_loss = mse_loss(pred, cyclic_expand(act, c.max_continuous_size), steps_mask, weights)
            out["pred_actions"] = pred[..., :act.shape[-1]]
        else:
            pred = self.single_discrete_decoder(hidden[:, ::2])
            if return_loss:
                act_loss = ce_loss(pred, batch["discrete_actions"], steps_mask, weights)
            out["pred_actions"] = pred
        if return_loss:
            out["observation_loss"] = obs_loss
            out["action_loss"] = act_loss
            out["loss"] = c.observation_loss_coef * obs_loss + c.action_loss_coef * act_loss
        return out


def truncate_cache(past, max_positions, context_window=None):
    """get_next_action's cache rule: keep the last max_positions - 2 entries, drop the last 2 (the current
    observation and its fake action are fed again next call), then optionally keep the last context_window."""
    def cut(t):
        t = t[:, :, -max_positions + 2:][:, :, :-2]
        return t[:, :, -context_window:] if context_window is not None else t
    return tuple((cut(k), cut(v)) for k, v in past)


def batch_to_torch(arrays):
    """Processor-style numpy arrays to the dtypes JAT's collator hands the model: floats to float32, ints to
    int64 (attention_mask stays an integer mask)."""
    batch = {}
    for name, a in arrays.items():
        t = torch.from_numpy(np.ascontiguousarray(a))
        if t.is_floating_point():
            t = t.float()
        else:
            t = t.long()
        batch[name] = t
    return batch
