// Copyright (c) Zefchain Labs, Inc.
// SPDX-License-Identifier: MIT OR Apache-2.0

package com.novi.serde

data class Tuple5<T0, T1, T2, T3, T4>(
    val field0: T0,
    val field1: T1,
    val field2: T2,
    val field3: T3,
    val field4: T4
)
