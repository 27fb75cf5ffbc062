package io.ttquant.transport;
