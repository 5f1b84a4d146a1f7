/**
 * Copyright (c) Facebook, Inc. and its affiliates
 * SPDX-License-Identifier: MIT OR Apache-2.0
 */

export * from "./types";
export * from "./serializer";
export * from "./deserializer";
export * from "./binarySerializer";
export * from "./binaryDeserializer";
