"""Chat models through LangChain, or none: the only module that imports provider packages.

A model is named `provider:model`, in settings or `CX_COPILOT_MODEL` (e.g. `openai:gpt-4o-mini`,
`ollama:llama3.1`, `anthropic:claude-sonnet-4-5`, `azure:my-deployment`, or `openai-compatible:qwen2.5`
with `CX_COPILOT_BASE_URL` pointing at vLLM, LM Studio or a llama.cpp server). Keys come only from the
environment (or a user config file outside the repository that sets it); they are never stored.

With no model configured the copilot is offline: steps show their prompt to copy, and parse the answer
a person pastes back.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from urllib.parse import urlparse

from copilot.errors import CopilotError
from copilot.secrets import scrub_logs


class ModelConfigError(CopilotError):
    """The configured chat model cannot be used (unknown provider, missing key or package)."""


@dataclass(frozen=True)
class Provider:
    """A provider declared as data: where its LangChain class lives and which variable holds its key."""

    id: str
    package: str
    module: str
    cls: str
    key_env: str | None
    local: bool  # runs on this machine: research text does not leave it, so it is not redacted
    model_arg: str = "model"
    cost_per_million: tuple[float, float] = (0.0, 0.0)  # rough (input, output) USD, for the call log only


PROVIDERS = {
    p.id: p
    for p in (
        Provider(
            "openai",
            "langchain-openai",
            "langchain_openai",
            "ChatOpenAI",
            "OPENAI_API_KEY",
            False,
            cost_per_million=(0.5, 2.0),
        ),
        Provider(
            "azure",
            "langchain-openai",
            "langchain_openai",
            "AzureChatOpenAI",
            "AZURE_OPENAI_API_KEY",
            False,
            model_arg="azure_deployment",
            cost_per_million=(0.5, 2.0),
        ),
        Provider(
            "anthropic",
            "langchain-anthropic",
            "langchain_anthropic",
            "ChatAnthropic",
            "ANTHROPIC_API_KEY",
            False,
            cost_per_million=(3.0, 15.0),
        ),
        Provider("ollama", "langchain-ollama", "langchain_ollama", "ChatOllama", None, True),
        Provider("openai-compatible", "langchain-openai", "langchain_openai", "ChatOpenAI", None, False),
    )
}


@dataclass(frozen=True)
class ModelChoice:
    provider: Provider
    model: str
    base_url: str | None = None
    timeout: float = 60.0
    max_retries: int = 2  # the provider clients back off exponentially on 429 and 5xx

    @property
    def name(self) -> str:
        return f"{self.provider.id}:{self.model}"

    @property
    def local(self) -> bool:
        """Whether research text stays on this machine (then it need not be redacted)."""
        if self.provider.local:
            return True
        if self.base_url:
            host = urlparse(self.base_url).hostname or ""
            try:
                return host == "localhost" or ipaddress.ip_address(host).is_loopback
            except ValueError:
                return False
        return False

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        rate_in, rate_out = self.provider.cost_per_million
        return (prompt_tokens * rate_in + completion_tokens * rate_out) / 1_000_000


def configured(spec: str | None = None) -> ModelChoice | None:
    """The model named by `spec` or `CX_COPILOT_MODEL`; None means offline."""
    spec = (spec if spec is not None else os.environ.get("CX_COPILOT_MODEL", "")).strip()
    if not spec or spec.lower() in {"offline", "none"}:
        return None
    provider_id, sep, model = spec.partition(":")
    if not sep or not model:
        raise ModelConfigError(f"Model {spec!r} is not of the form provider:model, e.g. openai:gpt-4o-mini.")
    provider = PROVIDERS.get(provider_id)
    if provider is None:
        raise ModelConfigError(f"Unknown model provider {provider_id!r}: choose one of {', '.join(PROVIDERS)}.")
    base_url = os.environ.get("CX_COPILOT_BASE_URL") or None
    if provider.id == "openai-compatible" and not base_url:
        raise ModelConfigError("openai-compatible needs CX_COPILOT_BASE_URL, e.g. http://127.0.0.1:8000/v1.")
    return ModelChoice(
        provider, model, base_url, _number("CX_COPILOT_TIMEOUT", 60.0), int(_number("CX_COPILOT_MAX_RETRIES", 2))
    )


def _number(variable: str, default: float) -> float:
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    try:
        return float(value)
    except ValueError:
        raise ModelConfigError(f"{variable} must be a number, not {value!r}.") from None


def chat_model(choice: ModelChoice):
    """A LangChain chat model for `choice`; a clear error names the missing key or package."""
    provider = choice.provider
    scrub_logs()  # the provider libraries log requests and errors; none may show the key
    key = os.environ.get(provider.key_env) if provider.key_env else None
    if provider.key_env and not key:
        raise ModelConfigError(key="needs_key", model=choice.name, variable=provider.key_env)
    try:
        module = __import__(provider.module, fromlist=[provider.cls])
    except ImportError:
        raise ModelConfigError(
            f"{choice.name} needs the package {provider.package}: pip install {provider.package}"
        ) from None
    kwargs: dict = {provider.model_arg: choice.model, "timeout": choice.timeout, "max_retries": choice.max_retries}
    if choice.base_url:
        kwargs["base_url"] = choice.base_url
    if provider.id == "openai-compatible":
        kwargs["api_key"] = os.environ.get("CX_COPILOT_API_KEY", "not-needed")
    if provider.id == "ollama":  # a hung local server must not block the workshop forever
        kwargs = {
            "model": choice.model,
            "client_kwargs": {"timeout": choice.timeout},
            **({"base_url": choice.base_url} if choice.base_url else {}),
        }
    try:
        return getattr(module, provider.cls)(**kwargs)
    except Exception as error:  # e.g. Azure without its endpoint or API version
        raise ModelConfigError(f"{choice.name} could not be set up: {error}") from error


def embeddings_model(provider_id: str, model: str):
    """LangChain embeddings for the research store (`ollama:` or `openai:`), with the same key rules."""
    packages = {
        "ollama": ("langchain-ollama", "langchain_ollama", "OllamaEmbeddings", None),
        "openai": ("langchain-openai", "langchain_openai", "OpenAIEmbeddings", "OPENAI_API_KEY"),
    }
    package, module_name, cls, key_env = packages[provider_id]
    if key_env and not os.environ.get(key_env):
        raise ModelConfigError(f"{provider_id}:{model} embeddings need an API key in {key_env}.")
    try:
        module = __import__(module_name, fromlist=[cls])
    except ImportError:
        raise ModelConfigError(
            f"{provider_id}:{model} embeddings need the package {package}: pip install {package}"
        ) from None
    kwargs = {"model": model}
    base_url = os.environ.get("CX_COPILOT_BASE_URL")
    if base_url:
        kwargs["base_url"] = base_url
    return getattr(module, cls)(**kwargs)


def structured(model, schema: type, choice: ModelChoice, schema_json: dict | None = None) -> object:
    """`model` bound to answer in `schema`'s JSON the provider's own way, so the reply is constrained at the
    source: OpenAI and Azure strict JSON schemas, Ollama's `format`, `json_schema` for OpenAI-compatible
    servers (llama.cpp, vLLM), Anthropic tool use. The reply stays a chat message (its JSON in the content, or
    in the tool call), so the step engine validates, repairs and grounds it as before. `schema_json` is the
    schema as the prompt shows it (a Dutch prompt's has Dutch choices); default: the model's own."""
    schema_json = schema_json or schema.model_json_schema()
    name = schema.__name__
    provider = choice.provider.id
    if provider in ("openai", "azure"):
        strict = strict_schema(schema_json)
        return model.bind(
            response_format={"type": "json_schema", "json_schema": {"name": name, "schema": strict, "strict": True}}
        )
    if provider == "openai-compatible":
        # in the request body as llama.cpp and vLLM read it, not through the OpenAI client's parse path, which
        # throws the text away when a small server's answer is cut off at max_tokens (it can still be repaired)
        response_format = {"type": "json_schema", "json_schema": {"name": name, "schema": schema_json}}
        return model.bind(extra_body={"response_format": response_format})
    if provider == "ollama":
        return model.bind(format=schema_json)
    if provider == "anthropic":
        description = schema_json.get("description") or schema.__doc__ or name
        tool = {"name": name, "description": description.strip(), "input_schema": schema_json}
        return model.bind_tools([tool], tool_choice={"type": "tool", "name": name})
    return model


def strict_schema(schema: dict) -> dict:
    """A JSON schema OpenAI's strict mode accepts: every object closed and every property required (a model
    fills an optional field with its empty value), no defaults."""
    import copy

    schema = copy.deepcopy(schema)

    def visit(node):
        if isinstance(node, dict):
            node.pop("default", None)
            if node.get("type") == "object" or "properties" in node:
                node["additionalProperties"] = False
                node["required"] = list(node.get("properties", {}))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(schema)
    return schema
