/**
 * Copyright (c) Facebook, Inc. and its affiliates
 * SPDX-License-Identifier: MIT OR Apache-2.0
 */

export { BincodeSerializer } from "./bincodeSerializer";
export { BincodeDeserializer } from "./bincodeDeserializer";
